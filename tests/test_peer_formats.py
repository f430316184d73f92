"""The peers' wire formats (formats/posthog.py, formats/sentry.py) and their network and console
events (plugins.py), with the real detector: every layer decoded, the planted values redacted,
the same layers encoded back, and what was not changed byte for byte."""

from __future__ import annotations

import gzip
import json
import re
import zlib

import pytest

from factories import add, custom, element, html_page, input_event, meta, mutation, set_attributes, snapshot, text
from peer_factories import (SENTRY_KEY, TOKEN, analytics_event, capture_batch, inflate_field, latin1_gzip, posthog_body,
                            read_envelope, recording_events, rrweb_packed, sentry_envelope, snapshot_event, unframe,
                            unpacked)
from redactor.dom import DomMirror
from redactor.formats import peer, posthog, sentry
from redactor.formats.rrweb_batch import BatchError
from redactor.masking import Masker
from redactor.pii import DetectorPool
from redactor.plugins import redact_events
from redactor.policy import Policy, validate_site_config

EMAIL = "jan.jansen@mail.example"
PHONE = "+31 6 1234 5678"
LIMIT = 1 << 24
PRODUCT_7 = "Verhuislift Kompakt 32"  # held-out peers round 7's product


@pytest.fixture(scope="module")
def detector():
    pool = DetectorPool(workers=0, ner=False)
    yield pool
    pool.close()


@pytest.fixture
def redact(detector):
    async def run(body, config: dict | None = None) -> bytes:
        policy = Policy.compile("test", validate_site_config(config or {}))
        masker = Masker("*", b"secret")
        mirrors: dict = {}
        for group in body.groups:
            mirror = mirrors.setdefault(group.session, DomMirror()) if group.session else DomMirror()
            redaction = await redact_events(group.events, policy, mirror, masker,
                                            lambda texts, language: detector.analyze(texts, language,
                                                                                     settings=policy.config.pii),
                                            meta=group.meta)
            group.kept = redaction.events
        return body.encode()
    return run


def page_events() -> tuple[list[dict], dict]:
    comment = element("textarea", {"name": "comment"}, id=40)
    body = element("div", {"id": "box"}, [element("p", {}, [text(f"Mail me at {EMAIL}")]), comment], id=30)
    events = [meta(f"https://shop.example/account?mail={EMAIL}"), snapshot(html_page(body)),
              mutation(adds=[add(30, element("span", {"title": f"call {PHONE}"}, [], id=50))],
                       texts=[]),
              input_event(40, f"bel me op {PHONE}")]
    return events, comment


# -- PostHog ------------------------------------------------------------------------------------
@pytest.mark.parametrize("framing", ["gzip", "base64", "json"])
async def test_posthog_recording_redacted_in_every_layer(redact, framing):
    events, _ = page_events()
    raw = posthog_body([snapshot_event(events)], framing)
    out = await redact(posthog.decode(raw, {"compression": "base64"} if framing == "base64" else {}, LIMIT))
    if framing == "gzip":
        assert out[:2] == b"\x1f\x8b" and out[4:8] == b"\0\0\0\0"  # gzip, mtime 0 as fflate writes it
    elif framing == "base64":
        assert out.startswith(b"data=")
    [sent] = unframe(out)
    recorded = sent["properties"]["$snapshot_data"]
    assert [e.get("cv") for e in recorded] == [None, "2024-10", "2024-10", None]
    assert isinstance(recorded[1]["data"], str) and isinstance(recorded[2]["data"]["adds"], str)
    plain = json.dumps(unpacked(recorded))
    assert EMAIL not in plain and "1234 5678" not in plain and "jan.jansen" not in plain
    assert "Mail me at" in plain and "bel me op" in plain  # the rest stays readable
    assert sent["properties"]["$session_id"] == "0193-session" and sent["properties"]["token"] == TOKEN


@pytest.mark.parametrize("typed, masked, kept", [
    ("Mijn kinderen Fenneke en Wannes kunnen het pakket ook aannemen. Mailen mag",
     ["Fenneke", "Wannes"], ["Mijn kinderen ", " en ", " kunnen het pakket ook aannemen. "]),
    ("Sinon mes enfants Ombeline et Maxence sont là le soir, merci", ["Ombeline", "Maxence"],
     ["Sinon mes enfants ", " et ", " sont là le soir"]),
    ("Meine Kinder Fenneke und Wannes können das Paket annehmen", ["Fenneke", "Wannes"], ["Meine ", " und ", " können das "]),
])
async def test_children_named_by_their_first_names_in_a_typed_sentence_are_masked(redact, typed, masked, kept):
    """A plural relative names several people one by one ("mijn kinderen Fenneke en Wannes", one
    name on no list): they were recorded as typed, as a singular one ("ma fille Lowiese") is not."""
    note = element("textarea", {"id": "vraag"}, id=40)
    events = [meta("https://shop.example/bestelling"), snapshot(html_page(element("div", {}, [note], id=30))),
              input_event(40, typed)]
    recorded = unframe(await redact(posthog.decode(posthog_body([snapshot_event(events)]), {}, LIMIT)))
    written = json.dumps(unpacked(recorded[0]["properties"]["$snapshot_data"]), ensure_ascii=False)
    assert not [name for name in masked if name in written], written
    assert all(words in written for words in kept), written  # (the last word may still be being typed)


async def test_posthog_unchanged_fields_keep_their_bytes(redact):
    events, _ = page_events()
    raw = posthog_body([snapshot_event(events)])
    original = json.loads(gzip.decompress(raw))[0]["properties"]["$snapshot_data"]
    out = await redact(posthog.decode(raw, {}, LIMIT))
    recorded = unframe(out)[0]["properties"]["$snapshot_data"]
    # the mutation's texts, attributes and removes were not changed: the very same strings
    for key in ("texts", "attributes", "removes"):
        assert recorded[2]["data"][key] == original[2]["data"][key]
    assert recorded[2]["data"]["adds"] != original[2]["data"]["adds"]  # the title held a phone number
    assert inflate_field(recorded[2]["data"]["adds"])[0]["node"]["attributes"]["title"].startswith("call ")


@pytest.mark.parametrize("framing", ["gzip", "base64", "json"])
async def test_posthog_body_without_personal_data_passes_byte_for_byte(redact, framing):
    clean = [meta("https://shop.example/"), snapshot(html_page(element("p", {}, [text("Fietsbel, rood")])))]
    raw = posthog_body([snapshot_event(clean)], framing)
    assert await redact(posthog.decode(raw, {}, LIMIT)) == raw


async def test_posthog_analytics_urls_and_text_properties_scanned(redact):
    event = analytics_event("$autocapture", **{
        "$current_url": f"https://shop.example/thanks?email={EMAIL}&step=2",
        "$elements_chain": f'a.btn:text="Mail {EMAIL}"nth-child="1"', "$pathname": "/thanks",
        "note": f"call {PHONE}", "$set": {"email": EMAIL}})
    raw = posthog_body(capture_batch([event]))
    out = await redact(posthog.decode(raw, {}, LIMIT))
    sent = unframe(out)
    assert EMAIL not in json.dumps(sent) and "1234 5678" not in json.dumps(sent)
    properties = sent["batch"][0]["properties"]
    assert properties["$current_url"].startswith("https://shop.example/thanks?email=") and "step=2" in \
        properties["$current_url"]
    assert properties["$elements_chain"].startswith('a.btn:text="Mail ')
    assert properties["token"] == TOKEN and properties["distinct_id"] == event["properties"]["distinct_id"]
    assert sent["api_key"] == TOKEN and sent["batch"][0]["uuid"] == event["uuid"]


async def test_a_phone_with_a_plus_in_the_peers_urls_is_masked(redact):
    """posthog's $current_url and a Sentry replay's urls: a phone's '+' a script left unencoded in
    a query ('?tel=+32+478…' read by form encoding as ' 32 478…') is read as a plus too."""
    url = "https://shop.example/bedankt?ph=+32+478+91+35+27&x=+33671829304&step=2"
    raw = posthog_body(capture_batch([analytics_event("$pageview", **{"$current_url": url})]))
    properties = unframe(await redact(posthog.decode(raw, {}, LIMIT)))["batch"][0]["properties"]
    raw = sentry_envelope("f" * 32, [meta(url)], urls=[url])
    _, items = read_envelope(await redact(sentry.decode(raw, {}, {}, LIMIT)))
    for written in (properties["$current_url"], json.loads(items[0][1])["urls"][0]):
        assert "478+91" not in written and "671829304" not in written and written.endswith("&step=2"), written


async def test_a_document_number_under_a_name_that_says_nothing_is_masked(redact):
    """A page's address with an identity card's number under a parameter whose name says nothing ("?ig=483921KA":
    held-out peers round 26, a replaceState's URL in PostHog's events sent before the recording that would have
    tainted it): a document's number by its shape, masked whole and remembered (the same number in a property); a
    thing's code under a thing's name, a campaign's name and a date and time are kept."""
    url = ("https://shop.example/academie/inschrijving.html?afdeling=hasselt&ig=483921KA&product=AB123456"
           "&utm_campaign=spring2026&slot=2026-03-14T10:00")
    raw = posthog_body(capture_batch([analytics_event("ingeschreven", **{"$current_url": url,
                                                                           "nota": "kaart 483921KA"})]))
    properties = unframe(await redact(posthog.decode(raw, {}, LIMIT)))["batch"][0]["properties"]
    written = properties["$current_url"]
    assert "483921" not in written and "483921" not in properties["nota"], properties
    assert written.startswith("https://shop.example/academie/inschrijving.html?afdeling=hasselt&ig="), written
    assert written.endswith("&product=AB123456&utm_campaign=spring2026&slot=2026-03-14T10:00"), written


async def test_a_plate_under_a_parameter_that_names_a_car_is_masked(redact):
    """A page's address with a car's plate under a parameter that names the car ("?auto=GZ-418-T", "?voertuig=gz418t":
    held-out peers round 27, a parking permit's pages): masked whole as it is under such a payload key; a car's model
    and a setting that opens with a car's word are kept."""
    url = ("https://shop.example/parkeren/verlengen.html?wijk=lombok&auto=GZ-418-T&voertuig=gz418t"
           "&model=Golf+1.4+TSI&autoplay=1")
    raw = posthog_body(capture_batch([analytics_event("$pageview", **{"$current_url": url})]))
    written = unframe(await redact(posthog.decode(raw, {}, LIMIT)))["batch"][0]["properties"]["$current_url"]
    assert "418" not in written, written
    assert written.startswith("https://shop.example/parkeren/verlengen.html?wijk=lombok&auto="), written
    assert written.endswith("&model=Golf+1.4+TSI&autoplay=1"), written


async def test_a_bulgarian_egn_and_a_cyrillic_date_of_birth_in_an_event_before_any_recording_are_masked(redact):
    """Held-out peers round 31 (probed beside the page): a co-holder's EGN after its word and her date of birth with its
    month named in Bulgarian or its year's word glued, in a capture's properties under keys that say nothing, sent
    before any recording could have tainted them, were kept (no EGN recognizer, no Cyrillic month). Both are masked;
    the branch and an order's ten digits without a word stay."""
    properties = {"piece": "ЕГН 8707154327", "note": "Съпругата ми е родена на 15 юли 1987 г., моля за среща",
                  "autre": "родена на 15.07.1987г.", "agence": "Agence Gare", "commande": "Commande 4401237788"}
    raw = posthog_body(capture_batch([analytics_event("rendez-vous", **properties)]))
    sent = unframe(await redact(posthog.decode(raw, {}, LIMIT)))["batch"][0]["properties"]
    written = json.dumps(sent, ensure_ascii=False)
    assert not [value for value in ("8707154327", "1987", "15 юли", "15.07") if value in written], sent
    assert (sent["agence"], sent["commande"]) == ("Agence Gare", "Commande 4401237788"), sent


async def test_an_armenian_number_date_and_address_in_events_before_any_recording_are_masked(redact):
    """Held-out peers round 32: a housing register's file on an Armenian tenant sent at load, before any recording could
    have tainted it ("ՀԾՀ" and her public services number), and an exception quoting her typed Yerevan address, sent
    before the recording that carried the typing, kept the number's digits and the address but for the street's name;
    a date of birth with its month in the Armenian genitive kept its day and month. All are masked; the complex and a
    ten-digit order number without a word stay."""
    message = "Failed to execute 'createElement' on 'Document': The tag name provided ('Tumanyan st. 12, apt. 5, 0001 " \
              "Yerevan') is not a valid name."
    properties = {"document": "ՀԾՀ 2718450391", "note": "ծնվել եմ 12 ապրիլի 1991 թ.", "complex": "Complex Wyck-Oost",
                  "bestelling": "Bestelling 4401237788", "$exception_list": [{"type": "InvalidCharacterError",
                                                                             "value": message}]}
    raw = posthog_body(capture_batch([analytics_event("dossier geopend", **properties)]))
    sent = unframe(await redact(posthog.decode(raw, {}, LIMIT)))["batch"][0]["properties"]
    written = json.dumps(sent, ensure_ascii=False)
    assert not [value for value in ("2718450391", "12 ապրիլի", "Tumanyan", "apt. 5", "0001", "Yerevan")
                if value in written], sent
    assert (sent["complex"], sent["bestelling"]) == ("Complex Wyck-Oost", "Bestelling 4401237788"), sent
    assert sent["$exception_list"][0]["value"].startswith("Failed to execute 'createElement' on 'Document'"), sent


async def test_a_value_an_engines_error_quotes_as_a_property_key_is_masked(redact):
    """Held-out peers round 32, one run in eight: a passport number typed, made the key of a frozen object's property,
    and quoted by the TypeError ("Cannot define property AU0386157, object is not extensible") in PostHog's $exception,
    sent before the recording whose typing would have tainted it, reached the collector. A key of four digits or more
    quoted by an engine's error about that key is a value, in Chrome's, Firefox's and Safari's wordings; a program's
    own key ("items") or an index ("0") stays, and so does the rest of the message."""
    errors = [{"type": "TypeError", "value": "Cannot define property AU0386157, object is not extensible"},
              {"type": "TypeError", "value": "can't define property \"NW5K8L1P3\": Object is not extensible"},
              {"type": "TypeError", "value": "Cannot assign to read only property '2718450391' of object '#<Object>'"},
              {"type": "TypeError", "value": "Cannot read properties of undefined (reading 'items')"},
              {"type": "TypeError", "value": "Cannot read properties of undefined (reading '0')"}]
    raw = posthog_body(capture_batch([analytics_event("$exception", **{"$exception_list": errors})]))
    sent = unframe(await redact(posthog.decode(raw, {}, LIMIT)))["batch"][0]["properties"]["$exception_list"]
    written = json.dumps(sent, ensure_ascii=False)
    assert not [value for value in ("AU0386", "NW5K8L", "271845") if value in written], sent
    assert [error["value"] for error in sent[3:]] == ["Cannot read properties of undefined (reading 'items')",
                                                       "Cannot read properties of undefined (reading '0')"], sent
    assert sent[0]["value"].startswith("Cannot define property ") and sent[0]["value"].endswith(
        ", object is not extensible"), sent


async def test_a_plate_typed_in_a_field_labelled_with_the_car_is_masked_in_the_address_fragment(redact):
    """Held-out peers round 28: a hospital's parking form labelled its plate field "Plaque du véhicule", which said no
    plate ("plaque" names one only alone), so the typed plate was masked as free text and not remembered, and the page
    then wrote it percent-encoded into its address's fragment ("#parking/ZG%201234-AB"), which PostHog's $pageview
    carried out whole. The label says a plate: the value is masked whole and its echo in the fragment too; the page
    and the fragment's route word stay."""
    field = element("input", {"name": "plaque", "aria-label": "Plaque du véhicule"}, id=70)
    url = "https://shop.example/visites/inscription.html?site=union#parking/ZG%201234-AB"
    raw = posthog_body([snapshot_event([meta(), snapshot(html_page(field)), input_event(70, "ZG 1234-AB")],
                                       compress=False), analytics_event("$pageview", **{"$current_url": url})])
    out = unframe(await redact(posthog.decode(raw, {}, LIMIT)))
    written = out[1]["properties"]["$current_url"]
    assert "1234-AB" not in json.dumps(out) and "ZG" not in written, written
    assert written.startswith("https://shop.example/visites/inscription.html?site=union#parking/"), written


async def test_a_number_written_across_path_segments_is_masked(redact):
    """A value whose own separator is a '/' ("201/5012/3457", a German Steuernummer a page put in its hash route:
    held-out peers round 20) spans three path segments: each alone is a few digits, so the path is read joined too,
    and what is found across segments is masked in each; the route's word, the page and its query are kept."""
    url = "https://shop.example/loket/aangifte.html?loket=maastricht#/dossier/201/5012/3457"
    raw = posthog_body(capture_batch([analytics_event("$autocapture", **{"$current_url": url})]))
    written = unframe(await redact(posthog.decode(raw, {}, LIMIT)))["batch"][0]["properties"]["$current_url"]
    assert "5012" not in written and "3457" not in written, written
    assert written.startswith("https://shop.example/loket/aangifte.html?loket=maastricht#/dossier/"), written


async def test_a_name_one_word_a_path_segment_is_masked(redact):
    """A page path ending in a person's name in lower case, one word a segment ("/kyc/ubo/priyanka/shah": the UBO's
    page a site pushed, held-out peers round 21; "/team/jan/peeters"): no segment alone is a person's, so the path's
    last segments are read as a name slug joined; the route's words, a site's page after a person, a phrase and a
    product's path are kept."""
    urls = ["https://shop.example/kyc/ubo/priyanka/shah", "https://shop.example/team/jan/peeters?tab=1",
            "https://shop.example/klant/jan/bestellingen", "https://shop.example/blog/grace/and/frankie",
            "https://shop.example/products/shoes/red"]
    raw = posthog_body(capture_batch([analytics_event("$pageview", **{"$current_url": url}) for url in urls]))
    written = [e["properties"]["$current_url"] for e in unframe(await redact(posthog.decode(raw, {}, LIMIT)))["batch"]]
    assert "priyanka" not in written[0] and "shah" not in written[0], written
    assert "peeters" not in written[1] and written[1].startswith("https://shop.example/team/") \
        and written[1].endswith("?tab=1"), written
    assert written[0].startswith("https://shop.example/kyc/ubo/"), written
    assert written[2].endswith("/bestellingen") and written[3:] == urls[3:], written


async def test_a_name_after_an_acronym_in_an_autocaptured_label_is_masked(redact):
    """A button the page labels (aria-label) with a person only the server knew, "UBO Priyanka Shah bekijken"
    (held-out peers round 21, ner off): PostHog's autocapture sends the label before any recording taught the name.
    "Bekijk Priyanka Shah" and "UBO: Priyanka Shah" were masked; after the bare acronym, without NER, the pattern for a
    given name and a surname did not start inside what it took for a longer capitalised run ("Philips Hue White")."""
    element = {"tag_name": "button", "$el_text": "UBO bekijken", "attr__aria-label": "UBO Priyanka Shah bekijken"}
    raw = posthog_body(capture_batch([analytics_event("$autocapture", **{"$elements": [element]})]))
    [event] = unframe(await redact(posthog.decode(raw, {}, LIMIT)))["batch"]
    label = event["properties"]["$elements"][0]["attr__aria-label"]
    assert "Priyanka" not in label and "Shah" not in label and label.endswith(" bekijken"), label


async def test_a_chat_links_number_without_its_plus_is_masked(redact):
    """A link to chat with the visitor (https://wa.me/<the number, no '+'>) in a posthog recording's
    snapshot and a page address: a path segment of digits alone that is an international phone read
    with a '+' is masked (and its echoes); an image's numeric path and a page's order number are kept."""
    link = element("a", {"href": "https://wa.me/491712345678"}, [text("Per WhatsApp antworten")])
    image = element("img", {"src": "https://cdn.shop.example/p/441234567890/titel.png"})  # digits a phone's too
    events = [meta("https://shop.example/bestellung/20251203/chat/32470582194"), snapshot(html_page(link, image))]
    raw = posthog_body([snapshot_event(events)])
    [event] = unframe(await redact(posthog.decode(raw, {}, LIMIT)))
    written = json.dumps(unpacked(event["properties"]["$snapshot_data"]))
    assert "491712345678\"" not in written and "32470582194" not in written, written
    assert "https://wa.me/" in written and "/p/441234567890/titel.png" in written and "/bestellung/20251203/" in written, written[-1500:]


async def test_a_short_token_in_a_query_under_a_name_no_list_holds_is_masked(redact):
    """posthog's $current_url and a Sentry replay's urls: a session token of 21 characters (shorter
    than the 24 a token run needs anywhere) under a name no list holds ("sessie": Dutch) is masked
    as the secret its shape says it is; a campaign name, a version and a plain id are kept."""
    url = ("https://shop.example/bestelling/bevestigd?sessie=sess_Qx7Lr2Vb9Tn4Kp8M&utm_campaign=spring_sale_2026"
           "&v=1.449.2&order=A1B2C3#st=Rt8Zw1HdKq4Lm7Xv")
    raw = posthog_body(capture_batch([analytics_event("$pageview", **{"$current_url": url})]))
    properties = unframe(await redact(posthog.decode(raw, {}, LIMIT)))["batch"][0]["properties"]
    raw = sentry_envelope("f" * 32, [meta(url)], urls=[url])
    _, items = read_envelope(await redact(sentry.decode(raw, {}, {}, LIMIT)))
    for written in (properties["$current_url"], json.loads(items[0][1])["urls"][0]):
        assert "Qx7Lr2Vb9" not in written and "Rt8Zw1Hd" not in written, written
        assert "utm_campaign=spring_sale_2026&v=1.449.2&order=A1B2C3#st=" in written, written


async def test_a_short_token_as_a_path_segment_of_a_page_address_is_masked(redact):
    """posthog's $current_url, $pathname and $referrer: a one-time link's token of 16 characters as a path segment,
    after a segment no list holds (an unsubscribe link, a Spanish e-mail check), is masked by its shape as it is
    under a query's name; the segments around it and a product's slug stay."""
    props = {"$current_url": "https://shop.example/afmelden/Wn6tYq3Kz8RvLp2D?taal=nl",
             "$pathname": "/verificar-correo/Wn6tYq3Kz8RvLp2D/klaar",
             "$referrer": "https://shop.example/p/iPhone-15-Pro-256GB"}
    raw = posthog_body(capture_batch([analytics_event("$pageview", **props)]))
    written = json.dumps(unframe(await redact(posthog.decode(raw, {}, LIMIT)))["batch"][0]["properties"])
    assert "Wn6tYq3Kz8" not in written, written
    for kept in ("https://shop.example/afmelden/", "?taal=nl", "/verificar-correo/", "/klaar",
                 "https://shop.example/p/iPhone-15-Pro-256GB"):
        assert kept in written, kept


async def test_a_short_token_under_a_word_for_key_in_the_site_languages_is_masked(redact):
    """A one-time login link's token of 10 characters (too short for its shape alone) under "sleutel" (Dutch: key;
    held-out peers round 12: the API's answer in both recordings, a capture's property, a breadcrumb's data) is masked
    by its parameter's name as one under "key" is, and so under the French and German words for key, token,
    session and password; a French search's "mot-clé" (keyword) is kept."""
    link = "https://app.test/mijn-aanvraag?sleutel=Rb4tXq8NwZ&wijk=lombok"
    others = "https://app.test/connexion?cle=Hq7Kx2Mp&jeton=Zt5Wq1&sitzung=Lp3Xv8&wachtwoord=geheim12&mot-clé=studio"
    answer = json.dumps({"referentie": "HK-62917", "inloglink": link})
    network = posthog_network(request("https://app.test/api/aanvraag", responseBody=answer))
    events = [meta(), network, custom("ontvangen", {"inloglink": link, "pagina": others})]
    out = unframe(await redact(posthog.decode(posthog_body([snapshot_event(events, compress=False)]), {}, LIMIT)))
    recorded = json.dumps(out[0]["properties"]["$snapshot_data"], ensure_ascii=False)
    for secret in ("Rb4tXq8NwZ", "Hq7Kx2Mp", "Zt5Wq1", "Lp3Xv8", "geheim12"):
        assert secret not in recorded, secret
    assert recorded.count("wijk=lombok") == 2 and "mot-clé=studio" in recorded and "HK-62917" in recorded, recorded


@pytest.mark.parametrize("peer", ["posthog", "sentry"])
async def test_a_dom_deeper_than_orjson_writes_is_redacted_in_the_peers_bodies(redact, peer):
    """A page 300 elements deep (600 levels of JSON, orjson writes 255) is encoded again whole."""
    field = element("input", {"type": "email", "value": EMAIL})
    node = field
    for _ in range(300):
        node = element("div", {}, [node])
    events = [meta(), snapshot(html_page(node)), input_event(field["id"], EMAIL)]
    if peer == "posthog":
        body = posthog.decode(posthog_body([snapshot_event(events)]), {}, LIMIT)
        plain = json.dumps(unpacked(unframe(await redact(body))[0]["properties"]["$snapshot_data"]))
    else:
        _, items = read_envelope(await redact(sentry.decode(sentry_envelope("9" * 32, events), {}, {}, LIMIT)))
        plain = json.dumps(recording_events(items[1][1])[1])
    assert EMAIL not in plain and plain.count('"tagName": "div"') == 300


def test_posthog_project_key_and_sessions():
    body = posthog.decode(posthog_body([snapshot_event([meta()], "s-a"), snapshot_event([meta()], "s-b"),
                                        analytics_event()]), {}, LIMIT)
    assert body.key == TOKEN
    assert [group.session for group in body.groups] == ["s-a:0193-window", "s-b:0193-window", "0193-session:0193-window"]


@pytest.mark.parametrize("raw, query, code", [
    (gzip.compress(b'[{"event":"x"}]', mtime=0)[:-6], {}, "bad_encoding"),  # truncated gzip
    (b"data=%%%not-base64", {"compression": "base64"}, "bad_encoding"),
    (b"\x00\x01garbage", {}, "bad_json"),
    (b'{"batch": {"not": "a list"}}', {}, "not_events"),
    (b'[1, 2]', {}, "not_events"),
    (b"lz64data", {"compression": "lz64"}, "unsupported_encoding"),
])
def test_posthog_undecodable_bodies_are_refused(raw, query, code):
    with pytest.raises(BatchError) as refused:
        posthog.decode(raw, query, LIMIT)
    assert refused.value.code == code


def test_posthog_compression_none_is_plain_json():
    """The 415 for an unknown compression says "send gzip-js, base64 or none": none was refused too."""
    body = posthog.decode(b'[{"event": "$pageview", "properties": {"$session_id": "s-n"}}]', {"compression": "none"},
                          LIMIT)
    assert body.framing == "json"


def test_posthog_per_field_string_that_is_not_gzip_is_refused():
    event = snapshot_event([meta()], compress=False)
    event["properties"]["$snapshot_data"].append({"type": 2, "data": "not gzip at all", "cv": "2024-10",
                                                  "timestamp": 1})
    with pytest.raises(BatchError) as refused:
        posthog.decode(posthog_body([event]), {}, LIMIT)
    assert refused.value.code == "bad_encoding"


def test_posthog_gzip_bomb_is_refused_before_it_is_inflated_whole():
    bomb = gzip.compress(b"[" + b" " * (4 << 20) + b"]")
    with pytest.raises(BatchError) as refused:
        posthog.decode(bomb, {}, 1 << 20)
    assert refused.value.status == 413


# -- Sentry -------------------------------------------------------------------------------------
@pytest.mark.parametrize("compression", ["zlib", "gzip", "none"])
async def test_sentry_replay_redacted_lengths_recomputed_compression_kept(redact, compression):
    events, _ = page_events()
    error_item = ({"type": "client_report"}, b'{"discarded_events":[]}')
    raw = sentry_envelope("a" * 32, events, urls=[f"https://shop.example/account?mail={EMAIL}"],
                          compression=compression, extra_items=[error_item])
    body = sentry.decode(raw, {"sentry_key": SENTRY_KEY}, {}, LIMIT)
    assert body.key == SENTRY_KEY and body.groups[0].session == "a" * 32
    out = await redact(body)
    header, items = read_envelope(out)
    assert header["event_id"] == "a" * 32
    assert [h["type"] for h, _ in items] == ["replay_event", "replay_recording", "client_report"]
    replay = json.loads(items[0][1])
    assert EMAIL not in items[0][1].decode() and replay["urls"][0].startswith("https://shop.example/account?mail=")
    assert replay["replay_id"] == "a" * 32 and replay["request"]["headers"]["User-Agent"] == "Mozilla/5.0"
    kind, recorded = recording_events(items[1][1])
    assert kind == compression
    plain = json.dumps(recorded)
    assert EMAIL not in plain and "1234 5678" not in plain and "Mail me at" in plain
    assert items[2][1] == error_item[1]  # another item rides along untouched


async def test_sentry_envelope_without_personal_data_passes_byte_for_byte(redact):
    clean = [meta("https://shop.example/"), snapshot(html_page(element("p", {}, [text("Fietsbel, rood")])))]
    raw = sentry_envelope("b" * 32, clean, urls=["https://shop.example/"])
    assert await redact(sentry.decode(raw, {}, {}, LIMIT)) == raw
    errors = b'{"event_id":"c"}\n{"type":"event"}\n{"message":"boom"}\n'  # no length: up to the newline
    assert await redact(sentry.decode(errors, {}, {}, LIMIT)) == errors


def test_sentry_public_key_from_auth_header_or_dsn():
    raw = sentry_envelope("d" * 32, [meta()])
    assert sentry.decode(raw, {}, {"X-Sentry-Auth": "Sentry sentry_version=7, sentry_key=abc123def"},
                         LIMIT).key == "abc123def"
    assert sentry.decode(raw, {}, {}, LIMIT).key == SENTRY_KEY  # the envelope header's dsn


@pytest.mark.parametrize("raw, code", [
    (b'{"event_id":"x"}\n{"type":"replay_recording","length":999}\nshort', "bad_envelope"),
    (b'{"event_id":"x"}\n{"type":"replay_recording","length":21}\n{"segment_id":0}\n\x78\x9cxx', "bad_encoding"),
    (b'not json\n', "bad_json"),
    (b'{"event_id":"x"}\n{"type":"replay_event"}\n[1,2]', "bad_envelope"),
])
def test_sentry_undecodable_envelopes_are_refused(raw, code):
    with pytest.raises(BatchError) as refused:
        sentry.decode(raw, {}, {}, LIMIT)
    assert refused.value.code == code


# -- network and console events -------------------------------------------------------------------
def posthog_network(*requests: dict) -> dict:
    return {"type": 6, "data": {"plugin": "rrweb/network@1", "payload": {"requests": list(requests)}},
            "timestamp": 1}


def request(url: str, **extra) -> dict:
    return {"name": url, "method": "POST", "status": 200, "initiatorType": "fetch", **extra}


async def test_posthog_network_headers_bodies_and_block_requests(redact):
    token = "Bearer eyJhbGciOiJIUzI1NiJ9.c2VjcmV0.sig"
    network = posthog_network(
        request(f"https://shop.example/api/cart?mail={EMAIL}",
                requestHeaders={"Authorization": token, "Content-Type": "application/json", "X-Api-Key": "k-12345"},
                responseHeaders={"Set-Cookie": "sid=abcdef123456", "content-type": "application/json"},
                requestBody=json.dumps({"email": EMAIL, "qty": 2}), responseBody='{"ok":true}'),
        request("https://shop.example/api/account/iban", responseBody=json.dumps({"iban": "NL91ABNA0417164300"})))
    only_blocked = posthog_network(request("https://shop.example/api/account/profile", responseBody="x"))
    console = {"type": 6, "data": {"plugin": "rrweb/console@1", "payload": {
        "level": "log", "payload": [json.dumps(f"signed in as {EMAIL}"), json.dumps({"user": {"phone": PHONE}})],
        "trace": ["at login (https://shop.example/app.js:10:5)"]}}, "timestamp": 2}
    raw = posthog_body([snapshot_event([meta(), network, only_blocked, console], compress=False)])
    out = await redact(posthog.decode(raw, {}, LIMIT), {"block_requests": ["/api/account/*"]})
    recorded = unframe(out)[0]["properties"]["$snapshot_data"]
    assert [e["data"]["plugin"] for e in recorded[1:]] == ["rrweb/network@1", "rrweb/console@1"]
    [kept] = recorded[1]["data"]["payload"]["requests"]
    assert kept["requestHeaders"]["Content-Type"] == "application/json"
    assert set(kept["requestHeaders"]["Authorization"]) == {"*"} and set(kept["requestHeaders"]["X-Api-Key"]) == {"*"}
    assert set(kept["responseHeaders"]["Set-Cookie"]) == {"*"}
    assert isinstance(kept["requestBody"], str) and json.loads(kept["requestBody"])["qty"] == 2
    assert kept["responseBody"] == '{"ok":true}'  # unchanged JSON keeps its string
    assert kept["name"].startswith("https://shop.example/api/cart?mail=")
    plain = json.dumps(recorded)
    assert EMAIL not in plain and "1234 5678" not in plain and "NL91ABNA0417164300" not in plain
    assert "eyJhbGciOiJIUzI1NiJ9" not in plain and "abcdef123456" not in plain
    assert "signed in as" in plain and "app.js:10:5" in plain


async def test_posthog_networks_parsed_server_timings_are_masked_as_their_header_is(redact):
    """posthog-js keeps a resource timing's serverTiming entries beside the Server-Timing header, and each again as
    an entry of that type (held-out peers round 34: the register's answer named the other parent in a metric's
    description; the metric's name, read as a person's under "name", masked the route's own "/api/caf")."""
    timing = {"name": "caf", "duration": 12, "description": "Ahmadi Shirin"}
    network = posthog_network(
        request("https://creche.example/api/caf?site=krutenau", serverTiming=[timing],
                responseHeaders={"server-timing": 'caf;desc="Ahmadi Shirin";dur=12', "content-type": "application/json"}),
        {"name": "caf", "duration": 12, "entryType": "serverTiming", "startTime": 6006, "description": "Ahmadi Shirin"})
    raw = posthog_body([snapshot_event([meta(), network], compress=False)])
    recorded = unframe(await redact(posthog.decode(raw, {}, LIMIT)))[0]["properties"]["$snapshot_data"]
    [request_kept, entry] = recorded[1]["data"]["payload"]["requests"]
    assert request_kept["name"] == "https://creche.example/api/caf?site=krutenau"
    [metric] = request_kept["serverTiming"]
    assert metric["duration"] == 12 and set(metric["name"] + metric["description"]) == {"*"}
    assert set(entry["name"] + entry["description"]) == {"*"} and entry["entryType"] == "serverTiming"
    assert set(request_kept["responseHeaders"]["server-timing"]) == {"*"}
    assert "Ahmadi" not in json.dumps(recorded) and "Shirin" not in json.dumps(recorded)


async def test_sentry_network_spans_headers_bodies_and_block_requests(redact):
    def span(url: str, data: dict) -> dict:
        return custom("performanceSpan", {"op": "resource.fetch", "description": url, "startTimestamp": 1.0,
                                          "endTimestamp": 1.2, "data": data})
    kept = span("https://shop.example/api/cart", {
        "method": "POST", "statusCode": 200,
        "request": {"size": 40, "headers": {"authorization": "Bearer abc.def.ghi", "content-type": "application/json"},
                    "body": {"email": EMAIL, "qty": 2}},
        "response": {"size": 20, "headers": {"content-type": "text/plain"}, "body": f"sent to {EMAIL}"}})
    blocked = span("https://shop.example/api/account/iban", {"method": "GET", "statusCode": 200})
    raw = sentry_envelope("e" * 32, [meta(), kept, blocked], urls=["https://shop.example/"])
    out = await redact(sentry.decode(raw, {}, {}, LIMIT), {"block_requests": ["re:/api/account/"]})
    _, recorded = recording_events(read_envelope(out)[1][1][1])
    assert [e["type"] for e in recorded] == [4, 5]
    data = recorded[1]["data"]["payload"]["data"]
    assert set(data["request"]["headers"]["authorization"]) == {"*"}
    assert data["request"]["headers"]["content-type"] == "application/json" and data["request"]["body"]["qty"] == 2
    assert EMAIL not in json.dumps(recorded) and data["response"]["body"].startswith("sent to ")


def test_site_config_sdk_keys_and_block_requests_are_validated():
    config = validate_site_config({"sdk_keys": [TOKEN, SENTRY_KEY], "block_requests": ["/api/*", "re:^https://x"]})
    assert config.sdk_keys == [TOKEN, SENTRY_KEY]
    from redactor.policy import ConfigError
    with pytest.raises(ConfigError) as bad:
        validate_site_config({"sdk_keys": ["phc key with spaces"]})
    assert bad.value.path == "$.sdk_keys"
    with pytest.raises(ConfigError) as bad:
        validate_site_config({"block_requests": ["re:("]})
    assert bad.value.path == "$.block_requests"


def test_zlib_helper_matches_relay():
    assert zlib.decompress(zlib.compress(b"[]")) == b"[]"


async def test_a_bare_origin_in_a_payload_is_kept(redact):
    """A URL with nothing after its host (PostHog's $referrer, a console line) has no part to scan."""
    event = analytics_event("$pageview", **{"$referrer": "https://shop.example", "$initial_referrer": "$direct"})
    out = await redact(posthog.decode(posthog_body(capture_batch([event])), {}, LIMIT))
    assert unframe(out)["batch"][0]["properties"]["$referrer"] == "https://shop.example"


def test_a_bomb_spread_over_per_field_strings_is_refused():
    """Each field small once inflated, all of them together past the limit."""
    fields = [{"type": 2, "data": latin1_gzip({"pad": " " * 300_000}), "cv": "2024-10", "timestamp": n}
              for n in range(8)]
    event = snapshot_event([meta()], compress=False)
    event["properties"]["$snapshot_data"] += fields
    with pytest.raises(BatchError) as refused:
        posthog.decode(posthog_body([event]), {}, 1 << 21)
    assert refused.value.status == 413


def test_a_bomb_spread_over_envelope_items_is_refused():
    recording = b'{"segment_id":0}\n' + zlib.compress(b"[" + b" " * 600_000 + b"]")
    item = b'{"type":"replay_recording","length":%d}\n' % len(recording) + recording
    raw = b'{"event_id":"x"}\n' + b"\n".join([item] * 4)
    with pytest.raises(BatchError) as refused:
        sentry.decode(raw, {}, {}, 1 << 21)
    assert refused.value.status == 413


@pytest.mark.parametrize("sdk", ["posthog", "sentry"])
async def test_events_packed_by_rrweb_packer_are_redacted_and_sent_on_unpacked(redact, sdk):
    """A page whose recorder packs its events (@rrweb/packer) behind a peer's SDK: each packed event
    is unpacked, redacted and forwarded as an object (the packer's unpack takes objects as they are)."""
    events, _ = page_events()
    packed = [events[0], *map(rrweb_packed, events[1:])]
    if sdk == "posthog":
        out = await redact(posthog.decode(posthog_body([snapshot_event(packed, compress=False)]), {}, LIMIT))
        recorded = unframe(out)[0]["properties"]["$snapshot_data"]
    else:
        out = await redact(sentry.decode(sentry_envelope("f" * 32, packed), {}, {}, LIMIT))
        recorded = recording_events(read_envelope(out)[1][1][1])[1]
    assert [e["type"] for e in recorded] == [4, 2, 3, 3] and all("v" not in e for e in recorded)
    plain = json.dumps(recorded)
    assert EMAIL not in plain and "1234 5678" not in plain and "Mail me at" in plain


async def test_sentry_network_breadcrumbs_block_requests_and_headers(redact):
    def crumb(url: str) -> dict:
        return custom("breadcrumb", {"category": "replay.network", "timestamp": 1.0, "data": {
            "url": url, "method": "GET", "request": {"headers": {"Cookie": "sid=abcdef123456"}}}})
    raw = sentry_envelope("f" * 32, [meta(), crumb("https://shop.example/api/cart"),
                                     crumb("https://shop.example/api/account/iban")], urls=["https://shop.example/"])
    out = await redact(sentry.decode(raw, {}, {}, LIMIT), {"block_requests": ["/api/account/*"]})
    _, recorded = recording_events(read_envelope(out)[1][1][1])
    assert [e["data"]["payload"]["data"]["url"] for e in recorded[1:]] == ["https://shop.example/api/cart"]
    assert set(recorded[1]["data"]["payload"]["data"]["request"]["headers"]["Cookie"]) == {"*"}


async def test_posthog_legacy_engage_body_is_scanned_with_its_token_kept(redact):
    body = {"$token": TOKEN, "$distinct_id": EMAIL, "$set": {"email": EMAIL, "plan": "gold"}}
    decoded = posthog.decode(posthog_body(body, "base64"), {"compression": "base64"}, LIMIT)
    assert decoded.key == TOKEN
    sent = unframe(await redact(decoded))
    assert EMAIL not in json.dumps(sent) and sent["$token"] == TOKEN and sent["$set"]["plan"] == "gold"


async def test_a_property_named_with_personal_data_is_renamed_not_duplicated(redact):
    event = analytics_event("signup", **{f"invited_by_{EMAIL}": "yes", "plan": "gold"})
    sent = unframe(await redact(posthog.decode(posthog_body(capture_batch([event])), {}, LIMIT)))
    properties = sent["batch"][0]["properties"]
    assert EMAIL not in json.dumps(sent)
    assert properties["plan"] == "gold" and len(properties) == len(event["properties"])  # renamed, not added


# -- held-out shapes (tests/e2e/test_peers_heldout.py found them leaking) -------------------------
HELD_NAME, HELD_EMAIL, HELD_IBAN = "Ymke Tjallingsma", "ymke.tjallingsma@postvak.example", "BE86 7390 1234 5678"
HELD_PHONE, HELD_ADDRESS, HELD_USER = "+31 6 2957 3108", "Lindenhof 17, 9712 CB Groningen", "fietsymke82"


def sentry_error_event() -> dict:
    """An error event as @sentry/browser sends it after setUser, setTag, setExtra, setContext."""
    return {
        "event_id": "9" * 32, "timestamp": 1764626402.25, "platform": "javascript", "level": "error",
        "exception": {"values": [{"type": "Error", "value": f"betaling mislukt voor {HELD_EMAIL}",
                                  "stacktrace": {"frames": [{"filename": "http://app.test/heldout.html", "function": "HTMLButtonElement.<anonymous>",
                                                             "lineno": 52, "colno": 16, "in_app": True}]},
                                  "mechanism": {"type": "generic", "handled": True}}]},
        "user": {"id": f"u-{HELD_USER}", "email": HELD_EMAIL, "username": HELD_USER, "ip_address": "81.82.83.84"},
        "tags": {"klant": HELD_EMAIL}, "extra": {"rekening": HELD_IBAN},
        "contexts": {"bezorging": {"regel": HELD_ADDRESS}, "trace": {"trace_id": "ab" * 16, "span_id": "cd" * 8},
                     "replay": {"replay_id": "f" * 32}},
        "breadcrumbs": [{"timestamp": 1764626401.5, "category": "console", "level": "log",
                         "message": f"klant {HELD_EMAIL}"},
                        {"timestamp": 1764626401.6, "category": "navigation",
                         "data": {"from": "/heldout.html", "to": f"/heldout.html?mail={HELD_EMAIL}"}},
                        {"timestamp": 1764626401.7, "category": "ui.click", "message": "body > p > button#mailme"}],
        "request": {"url": f"http://app.test/heldout.html?email={HELD_EMAIL}", "headers": {"User-Agent": "Mozilla/5.0"}},
        "sdk": {"name": "sentry.javascript.browser", "version": "11.12.0"}, "environment": "production",
    }


async def test_sentry_error_event_and_session_items_are_redacted(redact):
    """Sentry's own events (errors, messages) and sessions carry what setUser, setTag, setExtra,
    setContext and the breadcrumbs hold: scanned like a replay_event, with or without a replay; an
    item that is not JSON (an attachment) cannot be read: dropped."""
    session = {"sid": "1" * 32, "init": False, "started": "2026-12-01T22:00:00.000Z", "status": "ok", "errors": 1,
               "did": HELD_EMAIL, "attrs": {"release": "shop@1.0", "environment": "production"}}
    attachment = f"klant {HELD_USER}\x00\xff".encode("latin-1")
    client_report = b'{"timestamp":1764626402.3,"discarded_events":[{"reason":"sample_rate","category":"error","quantity":1}]}'
    raw = b"\n".join([b'{"event_id":"' + b"9" * 32 + b'","sent_at":"2026-12-01T22:00:02.500Z"}',
                      b'{"type":"event"}', json.dumps(sentry_error_event()).encode(),
                      b'{"type":"session"}', json.dumps(session).encode(),
                      b'{"type":"client_report","length":%d}' % len(client_report), client_report,
                      b'{"type":"attachment","length":%d,"filename":"notes.txt"}' % len(attachment), attachment])
    body = sentry.decode(raw, {}, {}, LIMIT)
    assert body.groups[0].session == "f" * 32  # the replay the error names: what it taught is masked here too
    out = await redact(body)
    header, items = read_envelope(out)
    assert header["event_id"] == "9" * 32
    assert [h["type"] for h, _ in items] == ["event", "session", "client_report"]
    plain = out.decode()
    for value in (HELD_EMAIL, "ymke.tjallingsma", HELD_IBAN, "7390 1234", HELD_ADDRESS, "Lindenhof", HELD_USER,
                  "81.82.83.84"):
        assert value not in plain, value
    event, sent_session = json.loads(items[0][1]), json.loads(items[1][1])
    # the controls: what the event is, its SDK, its ids, timestamps and stack
    [exception] = event["exception"]["values"]
    assert exception["type"] == "Error" and exception["value"].startswith("betaling mislukt voor ")
    assert exception["stacktrace"]["frames"][0] == sentry_error_event()["exception"]["values"][0]["stacktrace"]["frames"][0]
    assert event["sdk"] == {"name": "sentry.javascript.browser", "version": "11.12.0"}
    assert event["contexts"]["trace"] == {"trace_id": "ab" * 16, "span_id": "cd" * 8}
    assert event["contexts"]["replay"] == {"replay_id": "f" * 32}
    assert event["timestamp"] == 1764626402.25 and event["level"] == "error"
    assert event["breadcrumbs"][2]["message"] == "body > p > button#mailme"
    assert sent_session["sid"] == "1" * 32 and sent_session["status"] == "ok"
    assert items[2][1] == client_report


async def test_a_long_number_under_an_ids_key_in_a_rejected_object_is_masked(redact):
    """A plain object a page rejects with ({owner, id, contact}) reaches Sentry's extra as __serialized__, often before
    the replay that typed its values: nine digits or more under an id's or a number's key are no database counter
    (an Israeli ID number proved by no check word: peers round 18), masked whole; a counter, a UUID and a code of
    the shop's stay."""
    event = {**sentry_error_event(), "extra": {"__serialized__": {
        "id": "314578022", "recordId": "0471 23 45 67", "nummer": "9203.1512.345", "orderId": "48213", "uuid": "ab" * 16,
        "ref": "SB-KYC-ANT"}}}
    raw = b"\n".join([b'{"event_id":"' + b"9" * 32 + b'"}', b'{"type":"event"}', json.dumps(event).encode()])
    sent = json.loads(read_envelope(await redact(sentry.decode(raw, {}, {}, LIMIT)))[1][0][1])
    serialized = sent["extra"]["__serialized__"]
    assert serialized["id"] == "*" * 9 and serialized["recordId"] == "*" * 13 and serialized["nummer"] == "*" * 13
    assert serialized["orderId"] == "48213" and serialized["uuid"] == "ab" * 16 and serialized["ref"] == "SB-KYC-ANT"


async def test_sentry_replay_event_contexts_are_scanned(redact):
    """setContext's values ride along in every replay_event's contexts."""
    contexts = {"bezorging": {"regel": HELD_ADDRESS, "iban": HELD_IBAN}, "trace": {"trace_id": "ab" * 16}}
    raw = sentry_envelope("a" * 32, [meta("https://shop.example/")], urls=["https://shop.example/"], contexts=contexts)
    replay = read_envelope(await redact(sentry.decode(raw, {}, {}, LIMIT)))[1][0][1].decode()
    assert HELD_ADDRESS not in replay and "7390 1234" not in replay
    assert json.loads(replay)["contexts"]["trace"] == {"trace_id": "ab" * 16}


async def test_percent_encoded_values_in_a_text_are_read_decoded(redact):
    """A form-encoded body and a URL inside a longer text (autocapture's $elements_chain) hold
    their values percent-encoded: '%2B31%206…' is a phone number, 'tel=' says so too."""
    from urllib.parse import quote
    href = f"/profiel?email={quote(HELD_EMAIL)}&tel={quote(HELD_PHONE)}"
    event = analytics_event("$autocapture", **{
        "$elements_chain": f'a:attr__href="{href}"attr__id="profile"href="{href}"nth-child="1";p:nth-child="4"',
        "$el_text": "Profiel"})
    form = f"iban=NL26RABO0317428595&opmerking={quote('bel ' + HELD_PHONE)}&qty=2"
    network = posthog_network(request("https://shop.example/api/profile", requestBody=form,
                                      requestHeaders={"Content-Type": "application/x-www-form-urlencoded"}))
    raw = posthog_body([snapshot_event([meta(), network], compress=False), event])
    out = unframe(await redact(posthog.decode(raw, {}, LIMIT)))
    plain = json.dumps(out)
    for value in (HELD_PHONE, quote(HELD_PHONE), "2957", HELD_EMAIL, quote(HELD_EMAIL), "NL26RABO"):
        assert value not in plain, value
    chain = out[1]["properties"]["$elements_chain"]
    assert chain.startswith('a:attr__href="/profiel?email=') and 'attr__id="profile"' in chain
    body = out[0]["properties"]["$snapshot_data"][1]["data"]["payload"]["requests"][0]["requestBody"]
    assert body.startswith("iban=") and "&opmerking=" in body and body.endswith("&qty=2")


async def test_a_form_body_is_read_by_its_fields_and_a_plain_text_body_as_typed_text(redact):
    """A form posted as multipart/form-data (fetch(FormData), as a network recorder reads the request):
    each value is on its own line after its field's head, and takes the meaning of the field's name as a
    URL-encoded value does; a field the visitor writes text in ("opmerking") has names read from their shape
    there, encoded or not. A request's body in plain text is what the page sends: read as typed text
    (Sentry's request.body too). The site's words in a form stay readable ("Fietsbel Rood Deluxe")."""
    boundary = "----WebKitFormBoundary7MA4YWxkTrZu0gW"
    fields = {"voornaam": "Zorbalie", "achternaam": "Quendt", "product": "Fietsbel Rood Deluxe",
              "opmerking": "groeten van Ysaure Quenouillere", "wachtwoord": "hunter2xyz"}
    multipart = "".join(f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'
                        for k, v in fields.items()) + f"--{boundary}--\r\n"
    network = posthog_network(
        request("https://shop.example/api/aanvraag", requestBody=multipart,
                requestHeaders={"content-type": f"multipart/form-data; boundary={boundary}"}),
        request("https://shop.example/api/contact", requestBody="opmerking=bel+Zoltrien+Vaskebruin&aantal=2"),
        request("https://shop.example/api/notitie", requestBody="Vraag voor Quirijne Hobbelsteyn over de levering"))
    sentry_span = custom("performanceSpan", {"op": "resource.fetch", "description": "https://shop.example/api/x",
                                             "startTimestamp": 1.0, "endTimestamp": 1.2,
                                             "data": {"request": {"body": "Graag Hadewych Stroobants bellen"}}})
    out = unframe(await redact(posthog.decode(posthog_body([snapshot_event([meta(), network, sentry_span],
                                                                           compress=False)]), {}, LIMIT)))
    recorded = json.dumps(out[0]["properties"]["$snapshot_data"], ensure_ascii=False)
    for value in ("Zorbalie", "Quendt", "Ysaure", "Quenouillere", "hunter2xyz", "Zoltrien", "Vaskebruin", "Quirijne",
                  "Hobbelsteyn", "Hadewych", "Stroobants"):
        assert value not in recorded, value
    bodies = [r["requestBody"] for r in out[0]["properties"]["$snapshot_data"][1]["data"]["payload"]["requests"]]
    assert "\r\n\r\nFietsbel Rood Deluxe\r\n" in bodies[0] and "\r\n\r\ngroeten van " in bodies[0]
    assert bodies[1].startswith("opmerking=") and bodies[1].endswith("&aantal=2") and "over de levering" in bodies[2]


async def test_a_product_read_as_a_name_in_a_plain_text_body_is_not_remembered(redact):
    """A plain-text body is composed by the app from its fields ("name;product", held-out peers round 7): a
    product's name read there as a name is masked in the body, but not remembered for the session as the
    visitor's when the site wrote it (here a capture's property in the same batch): the product stays
    readable where the site names it (a span's attribute, merged with review 11 F4's typed bodies it was
    masked everywhere). What the detectors find there is remembered as ever."""
    network = posthog_network(request("https://shop.example/api/terugbellen",
                                      requestBody=f"Quirijne Hobbelsteyn;{EMAIL};Verhuislift Kompakt 32"))
    offer = custom("offerte", {"product": "Verhuislift Kompakt 32", "contact": f"mail {EMAIL}"})
    out = unframe(await redact(posthog.decode(posthog_body([snapshot_event([meta(), network, offer],
                                                                           compress=False)]), {}, LIMIT)))
    recorded = json.dumps(out[0]["properties"]["$snapshot_data"], ensure_ascii=False)
    assert "Quirijne" not in recorded and "Hobbelsteyn" not in recorded and EMAIL not in recorded
    body = out[0]["properties"]["$snapshot_data"][1]["data"]["payload"]["requests"][0]["requestBody"]
    assert "Kompakt" not in body
    assert out[0]["properties"]["$snapshot_data"][2]["data"]["payload"]["product"] == "Verhuislift Kompakt 32"


async def redact_session(detector, *batches: list[dict]) -> list[list[dict]]:
    """Batches of one session, one after the other, through the network and console pass and the rest; the
    session's state saved and loaded between them, as a restart or another instance reads it."""
    policy, masker, mirror = Policy.compile("test", validate_site_config({})), Masker("*", b"secret"), DomMirror()
    out = []
    for events in batches:
        mirror = DomMirror.load(json.loads(json.dumps(mirror.dump())))
        redaction = await redact_events(json.loads(json.dumps(events)), policy, mirror, masker,
                                        lambda texts, language: detector.analyze(texts, language,
                                                                                 settings=policy.config.pii))
        out.append(redaction.events)
    return out


def console_log(line: str) -> dict:
    return {"type": 6, "data": {"plugin": "rrweb/console@1", "payload": {"level": "log", "payload": [json.dumps(line)],
                                                                         "trace": []}}, "timestamp": 1}


async def test_a_name_read_in_a_plain_text_body_is_remembered_unless_the_site_wrote_it(detector):
    """Sentry Replay masks inputs in the browser: a request's plain-text body can be the only place the
    visitor's name reaches redactor. A name read there by its shape is masked and remembered for the
    session (review 12 F1: the page text and console lines after it kept "Quendt"), but for the site's own
    words the app put in the body: a product the page showed before, read there as a name, stays readable
    in what comes after (held-out peers round 7's "name;e-mail;product")."""
    page = html_page(element("ul", {}, [element("li", {}, [text(PRODUCT_7)], id=41)], id=40))
    body = posthog_network(request("https://shop.example/api/terugbellen",
                                   requestBody=f"Graag terugbellen, Zorbalie Quendt;{PRODUCT_7}"))
    later = [mutation(adds=[add(40, element("li", {}, [text("Bestelling van Quendt bevestigd", id=61)], id=60))]),
             console_log("klant zorbalie"), custom("offerte", {"product": PRODUCT_7})]
    _, [sent_body], after = await redact_session(detector, [meta(), snapshot(page)], [body], later)
    assert "Zorbalie" not in json.dumps(sent_body) and "Quendt" not in json.dumps(sent_body)
    plain = json.dumps(after, ensure_ascii=False)
    assert "Quendt" not in plain and "zorbalie" not in plain, plain
    assert "Bestelling van " in plain and after[2]["data"]["payload"]["product"] == PRODUCT_7


async def test_a_name_read_under_a_typed_key_is_remembered_unless_the_site_wrote_it(detector):
    """Keys that hold what a visitor writes ("message", "bericht", "$survey_response") hold a server's lines too: a
    letting agency's answer listing its messages ({"berichten": [{"van": <the agency>, "tekst": "… van Studio Lombok
    …"}]}, held-out peers round 12) has its capitalised runs masked there as a name's (fail closed), but its heading and
    its product, which the page showed, were remembered as the visitor's and masked everywhere after (a capture's
    property, the room's name in the page's own ?wijk=lombok). What the site wrote is not remembered from there; a
    name the site never showed still is (a survey's answer naming someone, then a console line)."""
    page = html_page(element("h1", {}, [text("Kamerverhuur Domstad")]),
                     element("ul", {}, [element("li", {}, [text("Studio Lombok")], id=41)], id=40))
    answer = json.dumps({"berichten": [{"van": "Kamerverhuur Domstad",
                                        "tekst": "Beste mevrouw, de bezichtiging van Studio Lombok is bevestigd."}]})
    polled = posthog_network({"name": "https://app.test/api/berichten?sinds=0", "method": "GET", "status": 200,
                              "initiatorType": "xmlhttprequest", "responseBody": answer})
    survey = custom("survey sent", {"$survey_response": "Via mijn collega Zoltrien Vaskebruin"})
    later = [custom("ontvangen", {"kamer": "Studio Lombok", "afzender": "Kamerverhuur Domstad",
                                  "pagina": "https://app.test/kamers?wijk=lombok"}), console_log("collega vaskebruin")]
    _, [sent_answer, sent_survey], after = await redact_session(detector, [meta(), snapshot(page)], [polled, survey], later)
    body = sent_answer["data"]["payload"]["requests"][0]["responseBody"]
    assert "Studio Lombok" not in body and "Domstad" not in body, body
    assert "Vaskebruin" not in json.dumps(sent_survey)
    assert after[0]["data"]["payload"] == {"kamer": "Studio Lombok", "afzender": "Kamerverhuur Domstad",
                                           "pagina": "https://app.test/kamers?wijk=lombok"}, after[0]
    assert "vaskebruin" not in json.dumps(after[1]), after[1]


async def test_an_app_object_with_an_sdks_key_keeps_its_keys_meanings(redact):
    """An object holding "version", "api_host" or "span_id" is an SDK's, a span or software, whose own
    name is no person's (review 12 F2: an app's form state holding a "version" too lost every key's
    meaning, the names, a birth date and a street stored raw): its keys that name a person's data still
    mask what they hold; its name stays."""
    person = {"firstName": "Zorbalie", "lastName": "Quendt", "birthDate": "14/03/1987", "street": "Kerkstraat"}
    event = analytics_event("signup", form={"version": 3, **person}, config={"api_host": "https://eu.i.posthog.com",
                                                                            **person},
                            sdk={"name": "posthog-js", "version": "1.2.3"})
    [sent] = unframe(await redact(posthog.decode(posthog_body([event]), {}, LIMIT)))
    plain = json.dumps(sent)
    for value in person.values():
        assert value not in plain, value
    assert sent["properties"]["sdk"] == {"name": "posthog-js", "version": "1.2.3"}


async def test_a_form_sent_as_name_value_pairs_gives_each_value_its_fields_meaning(redact):
    """A form sent as a list of its fields (HubSpot's forms API {"name", "value"}, {"key", "val"},
    {"label", "value"}, Typeform's answers {"field": {"ref"}, "text"}): a value takes the meaning its
    field's name gives, and that name is structure, readable (review 12 F4: every value stored raw, the
    field's name masked as a person's for its key "name"); an identifier under "name" is no person's (F8:
    an error's class, a field's name were masked and remembered, then masked in the page's text). A full
    name beside a value is still a person's (a chart's point), and so is a surname alone beside a value or a name
    written as apps write handles ("JanPeeters", "van_den_berg": review 13 F3, F4), and a person's name where a
    serialized error's class would be (F9)."""
    forms = {"fields": [{"objectTypeId": "0-1", "name": "firstname", "value": "Zorbalie"},
                        {"objectTypeId": "0-1", "name": "lastname", "value": "Quendt"},
                        {"name": "date_of_birth", "value": "14-03-1987"},
                        {"name": "rijksregisternummer", "value": "87031412345"},
                        {"name": "company", "value": "Fietsbel"}],
             "pairs": [{"key": "voornaam", "val": "Ysaure"}, {"label": "Achternaam", "value": "Quenouillere"}],
             "answers": [{"field": {"id": "x1", "ref": "achternaam"}, "type": "text", "text": "Hobbelsteyn"}],
             "error": {"name": "ValidationError", "message": "invalid"}}
    network = posthog_network(request("https://api.hsforms.com/submissions/v3/integration/submit/1/abc",
                                      requestHeaders={"content-type": "application/json"},
                                      requestBody=json.dumps(forms)))
    named = custom("contact", {"points": [{"name": "Zoltrien Vaskebruin", "value": 42}], "owner": {"name": "McDonald"},
                               # names as apps write them, beside a value or alone (review 13 F3, F4, F9)
                               "guests": [{"name": "Oostwijck", "value": "adult"}, {"name": "JanPeeters"},
                                          {"name": "van_den_berg"}, {"name": "zorbalie.quendt"}],
                               "failed": {"name": "Brunhelde Ysolt", "message": "x", "stack": "y"}})
    later = mutation(adds=[add(40, element("p", {}, [text("Company details: ValidationError shown", id=71)], id=70))])
    page = html_page(element("div", {}, [], id=40))
    out = unframe(await redact(posthog.decode(posthog_body([snapshot_event([meta(), snapshot(page), network,
                                                                            named, later], compress=False)]), {},
                                              LIMIT)))
    recorded = out[0]["properties"]["$snapshot_data"]
    plain = json.dumps(recorded, ensure_ascii=False)
    for value in ("Zorbalie", "Quendt", "14-03-1987", "87031412345", "Ysaure", "Quenouillere", "Hobbelsteyn",
                  "Zoltrien", "Vaskebruin", "McDonald", "Oostwijck", "JanPeeters", "van_den_berg", "zorbalie.quendt",
                  "Brunhelde"):
        assert value not in plain, value
    sent = json.loads(recorded[2]["data"]["payload"]["requests"][0]["requestBody"])
    assert [f["name"] for f in sent["fields"]] == [f["name"] for f in forms["fields"]]
    assert (sent["pairs"][0]["key"], sent["pairs"][1]["label"], sent["answers"][0]["field"]) == \
        ("voornaam", "Achternaam", forms["answers"][0]["field"])
    assert sent["error"] == forms["error"] and sent["fields"][4]["value"] == "Fietsbel"
    assert recorded[4]["data"]["adds"][0]["node"]["childNodes"][0]["textContent"] == \
        "Company details: ValidationError shown"


async def test_a_form_builders_special_category_and_short_pairs_take_their_fields_meaning(redact):
    """Review 35 F2: a form builder's submission in a custom event, each field as {label, value} or {k, v}, stored a
    religion under "Godsdienst" and "Konfession" and a birth date under {"k": "geboortedatum"}, where "Medische info"
    and "Rijksregisternummer" in the same shape were masked: a pair's field name said no special category (a form's
    field-only words), and "k" named no field. Both are read now; the labels stay readable, and so do a pair whose
    field says nothing ({"label": "Klas", "value": "3B"}) and a short pair that is no field ({"k": "x", "v": "y"})."""
    fields = [{"id": 7, "label": "Godsdienst", "value": "islam"},
              {"id": 8, "label": "Konfession", "value": "evangelisch"},
              {"id": 9, "label": "Levensbeschouwing", "value": "protestants"},
              {"k": "geboortedatum", "v": "30/07/1985"},
              {"k": "religie", "v": "katholiek"},
              {"name": "vakbond", "value": "ACV"},
              {"label": "Medische info", "value": "astma, puffer in de boekentas"},
              {"label": "Klas", "value": "3B"}, {"k": "x", "v": "y"}]
    page = html_page(element("p", {}, [text("Inschrijving")]))
    out = unframe(await redact(posthog.decode(posthog_body([snapshot_event(
        [meta("https://school.example/inschrijving"), snapshot(page), custom("form-submit", {"fields": fields})],
        compress=False)]), {}, LIMIT)))
    sent = out[0]["properties"]["$snapshot_data"][2]["data"]["payload"]["fields"]
    plain = json.dumps(sent, ensure_ascii=False)
    for value in ("islam", "evangelisch", "protestants", "07/1985", "katholiek", "ACV", "astma"):
        assert value not in plain, value
    assert [f.get("label", f.get("k", f.get("name"))) for f in sent] == \
        ["Godsdienst", "Konfession", "Levensbeschouwing", "geboortedatum", "religie", "vakbond", "Medische info", "Klas",
         "x"]
    assert sent[-2]["value"] == "3B" and sent[-1]["v"] == "y"


async def test_a_multipart_parts_file_name_is_masked_and_remembered(redact):
    """A file sent in a multipart/form-data body is named in its part's head: what the visitor has on their
    computer, masked as a file input's value is (review 12 F5: the part's head was kept as structure)."""
    boundary = "----WebKitFormBoundary7MA4YWxkTrZu0gW"
    multipart = (f'--{boundary}\r\nContent-Disposition: form-data; name="cv"; filename="CV_Zorbalie_Quendt.pdf"\r\n'
                 f"Content-Type: application/pdf\r\n\r\n%PDF-1.4\r\n"
                 # both of RFC 6266's names, and a quote escaped in one (review 13 F8: the second, the end kept)
                 f'--{boundary}\r\nContent-Disposition: form-data; name="brief"; filename="Brief \\"Yldrith\\" V.pdf"; '
                 f"filename*=UTF-8''Brief%20Vaskonen.pdf\r\n\r\n%PDF-1.4\r\n--{boundary}--\r\n")
    network = posthog_network(request("https://shop.example/api/cv", requestBody=multipart, requestHeaders={
        "content-type": f"multipart/form-data; boundary={boundary}"}))
    out = unframe(await redact(posthog.decode(posthog_body([snapshot_event(
        [meta(), network, console_log("uploaded CV_Zorbalie_Quendt.pdf")], compress=False)]), {}, LIMIT)))
    recorded = out[0]["properties"]["$snapshot_data"]
    assert not [value for value in ("Zorbalie", "Yldrith", "Vaskonen") if value in json.dumps(recorded)]
    assert 'name="cv"; filename="' in recorded[1]["data"]["payload"]["requests"][0]["requestBody"]


async def test_an_elements_value_takes_its_fields_meaning_and_attributes_keep_their_keys_meanings(redact):
    """An element's attributes in a payload (PostHog's $elements attr__*, Sentry's click breadcrumb's node) are
    scanned as the page's are, and its value takes the meaning its name, id or label gives it, as a field's
    value in the page does (review 12 F6: attr__value "Quendt" beside attr__name "achternaam" kept). Any
    other object under "attributes" (Cognito's user attributes) keeps its keys' meanings (F6: all kept raw)."""
    elements = [{"tag_name": "input", "attr__name": "achternaam", "attr__id": "achternaam", "attr__value": "Quendt"}]
    breadcrumb = {"category": "ui.input", "data": {"node": {"id": 12, "tagName": "input", "attributes": {
        "name": "voornaam", "value": "Zorbalie", "placeholder": None, "tabindex": 3}}}}  # not all strings (review 13 F2)
    user = {"attributes": {"given_name": "Ysaure", "family_name": "Quenouillere", "birthdate": "14-03-1987"}}
    event = analytics_event("$autocapture", **{"$elements": elements}, user=user, crumb=breadcrumb)
    [sent] = unframe(await redact(posthog.decode(posthog_body([event]), {}, LIMIT)))
    plain = json.dumps(sent)
    for value in ("Quendt", "Zorbalie", "Ysaure", "Quenouillere", "14-03-1987"):
        assert value not in plain, value
    assert sent["properties"]["$elements"][0]["attr__name"] == "achternaam"
    assert sent["properties"]["crumb"]["data"]["node"]["attributes"]["name"] == "voornaam"


async def test_a_form_value_keeps_the_apostrophe_inside_a_word(redact):
    """encodeURIComponent leaves an apostrophe as it is: a name percent-encoded around it is one value
    ("reiziger=Niamh%20O'Donovan-Clarke", round 5's URL fragment in a Sentry span), read decoded whole;
    a quote after a value still closes it ("href='?x=1'" inside a text)."""
    event = analytics_event("boeking", **{"fragment": "reiziger=Niamh%20O'Donovan-Clarke",
                                          "html": "<a href='?stap=2'>Verder</a>"})
    out = unframe(await redact(posthog.decode(posthog_body([event]), {}, LIMIT)))
    properties = out[0]["properties"]
    assert "Donovan" not in json.dumps(out) and properties["fragment"].startswith("reiziger=")
    assert properties["html"] == "<a href='?stap=2'>Verder</a>"


async def test_a_form_encoded_pair_echoing_a_typed_name_is_masked_read_decoded(redact):
    """Held-out peers round 11: posthog-js records a FormData body as pairs percent-encoded by
    encodeURIComponent ("famille=%C3%87a%C4%9Fan%20d'Hondt"), Sentry as URLSearchParams writes it ("+" a
    space): the raw text's words are not the value's, so the name the visitor typed in the form's name field
    went out as it was under a key no list knows, when the detector cannot tell it a name (a given name no list
    holds). The taint pass reads each pair's value decoded, as it reads a URL's query: the value is masked whole;
    the site's words beside it stay."""
    name = "Çağan d'Hondt"
    field = element("input", {"name": "nom", "autocomplete": "name"}, id=70)
    bodies = ("famille=%C3%87a%C4%9Fan%20d'Hondt&section=Section%20des%20Grands",
              "famille=%C3%87a%C4%9Fan+d%27Hondt&section=Section+des+Grands")
    network = posthog_network(*(request("https://app.test/api/pieces", requestBody=body) for body in bodies))
    raw = posthog_body([snapshot_event([meta(), snapshot(html_page(field)), input_event(70, name), network],
                                       compress=False)])
    recorded = unframe(await redact(posthog.decode(raw, {}, LIMIT)))[0]["properties"]["$snapshot_data"]
    sent = [r["requestBody"] for r in recorded[3]["data"]["payload"]["requests"]]
    assert "Hondt" not in json.dumps(recorded) and "Hondt" not in "".join(sent), sent
    assert sent[0].endswith("&section=Section%20des%20Grands") and sent[1].endswith("&section=Section+des+Grands")
    assert all(body.startswith("famille=*") for body in sent), sent


async def test_json_written_into_a_string_is_read_by_its_keys(redact):
    """posthog.capture('form', {state: JSON.stringify(form)}), console.log('state ' + JSON.stringify(…)):
    a key inside the string says what its value holds, as a payload's key does, for a name no list knows."""
    name = "Zorbalie Quendt"
    event = analytics_event("form_submitted", form_state=json.dumps({"naam": name, "woonplaats": "Dokkum", "qty": 2}),
                            product="Fietsbel, rood")
    console = {"type": 6, "data": {"plugin": "rrweb/console@1", "payload": {
        "level": "log", "payload": [json.dumps("formulier " + json.dumps({"volledige_naam": name}))], "trace": []}},
        "timestamp": 2}
    raw = posthog_body([snapshot_event([meta(), console], compress=False), event])
    out = unframe(await redact(posthog.decode(raw, {}, LIMIT)))
    plain = json.dumps(out)
    assert "Zorbalie" not in plain and "Quendt" not in plain and "Dokkum" not in plain
    state = json.loads(out[1]["properties"]["form_state"])
    assert state["qty"] == 2 and set(state["naam"]) <= {"*", " "} and out[1]["properties"]["product"] == "Fietsbel, rood"


#: a log line a developer composed around a secret, written bare: (line, the secret in it)
BARE_SECRETS = [("[09:14:02] POST /api/login failed (401) password: Kwartel-9zomer", "Kwartel-9zomer"),
                ("login(marit, pwd:Lijster4-winter) -> 401", "Lijster4-winter"),
                ("poging 2 van 3, wachtwoord: vossenstaart77", "vossenstaart77"),
                ("oauth client_secret: Zq7pelikaanRood", "Zq7pelikaanRood"),
                ("init api_key: reiger-Blauw-55 env: prod", "reiger-Blauw-55"),
                ('params {:password=>"Meeuw-Grijs-31"}', "Meeuw-Grijs-31"),
                ("[password] => Uil-nacht-8", "Uil-nacht-8"),
                ("state={step:2,passwd:Havik-Snel-6,remember:true}", "Havik-Snel-6"),
                ("debug user.password: Spreeuw_Zwart2 sent", "Spreeuw_Zwart2"),
                ("betaalterminal pin: 48 21, daarna ok", "48 21")]
#: the site's own words in log lines, beside a key and a colon: kept
SITE_LOG_LINES = ["auth.js:42 loaded", "korting: WINTER25, totaal: 42.50", "stap 3 van 5: levering"]


async def test_a_secret_written_bare_in_a_log_line_is_masked_in_every_peers_console(redact):
    """A console line a developer composed names what it prints as a payload's key does ("… password: …", "pwd=…",
    Ruby's {:password=>"…"}, PHP's "[password] => …"), in the middle of the line, in any case and glued to a path
    ("user.password", "client_secret"): its value is masked as a secret in posthog-js's console plugin, in Sentry
    Replay's console breadcrumbs and in a Sentry log's body (a label only at a line's start was read: the rest
    stored raw). The site's own words beside a colon stay."""
    lines = [line for line, _ in BARE_SECRETS] + SITE_LOG_LINES
    posthog_raw = posthog_body([snapshot_event([meta(), *map(console_log, lines)], compress=False)])
    recorded = unframe(await redact(posthog.decode(posthog_raw, {}, LIMIT)))[0]["properties"]["$snapshot_data"]
    crumbs = [{"type": 5, "timestamp": 2, "data": {"tag": "breadcrumb", "payload": {
        "timestamp": 2.0, "type": "default", "category": "console", "level": "log", "message": line,
        "data": {"arguments": [line], "logger": "console"}}}} for line in lines]
    _, items = read_envelope(await redact(sentry.decode(sentry_envelope("a" * 32, [meta(), *crumbs]), {}, {}, LIMIT)))
    [replayed] = [recording_events(payload)[1] for header, payload in items if header["type"] == "replay_recording"]
    logs = {"items": [{"timestamp": 1.0, "trace_id": "ab" * 16, "level": "info", "body": line, "attributes": {}}
                      for line in lines]}
    raw = b"\n".join([b'{"event_id":"' + b"9" * 32 + b'"}', b'{"type":"log","item_count":%d}' % len(lines),
                      json.dumps(logs).encode()])
    [(_, sent_logs)] = read_envelope(await redact(sentry.decode(raw, {}, {}, LIMIT)))[1]
    written = {"posthog": [json.loads(e["data"]["payload"]["payload"][0]) for e in recorded[1:]],
               "sentry breadcrumb": [e["data"]["payload"]["message"] for e in replayed[1:]],
               "sentry arguments": [e["data"]["payload"]["data"]["arguments"][0] for e in replayed[1:]],
               "sentry log": [item["body"] for item in json.loads(sent_logs)["items"]]}
    for where, sent in written.items():
        for (line, secret), out in zip(BARE_SECRETS, sent):
            assert out == line.replace(secret, re.sub(r"\S", "*", secret)), (where, out)
        assert sent[len(BARE_SECRETS):] == SITE_LOG_LINES, where


async def test_rails_and_php_form_names_say_what_their_values_hold(redact):
    """Rails and PHP name a form's fields by their path ("user[password]", "customer[iban]", "data[contact][email]",
    percent-encoded or not): the last name says what the value is, in a form-encoded body as in a query; a field
    whose name says nothing keeps its value ("order[coupon]=WINTER25")."""
    body = ("user%5Bpassword%5D=Fazant-Oranje-4&customer[iban]=NL02ABNA0123456789&data[contact][email]="
            "ysolde.verwilghen%40postvak.example&data%5Bcontact%5D%5Bnaam%5D=Ysolde+Verwilghen&order[coupon]=WINTER25")
    network = posthog_network(request("https://shop.example/checkout?" + body, requestBody=body))
    recorded = unframe(await redact(posthog.decode(posthog_body([snapshot_event([meta(), network], compress=False)]),
                                                   {}, LIMIT)))[0]["properties"]["$snapshot_data"]
    [sent] = recorded[1]["data"]["payload"]["requests"]
    for written in (sent["name"], sent["requestBody"]):
        for value in ("Fazant", "0123456789", "ysolde", "Verwilghen"):
            assert value not in written, written
        assert "order[coupon]=WINTER25" in written and "user%5Bpassword%5D=*" in written


async def test_the_persons_identity_becomes_a_pseudonym_unless_it_is_an_opaque_id(redact):
    """posthog.identify('fietsymke82'), Sentry.setUser({id: 'u-fietsymke82'}): a distinct id, a
    user id or a session's did that is a name or a username is the person: it becomes a keyed hash,
    the same in every batch and route, so the collector still joins the person's events; a UUID, a
    hex digest or a database number is an id, kept as it is."""
    uuid = "0193a5b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b"
    identify = analytics_event("$identify", distinct_id=HELD_USER, **{"$anon_distinct_id": uuid})
    numbered = analytics_event("$pageview", distinct_id="48213")
    account = analytics_event("$pageview", distinct_id="user-1042")  # a number after a word for an account
    counter = analytics_event("$pageview", distinct_id="d1")  # four characters with a digit spell no name
    raw = posthog_body(capture_batch([identify, numbered, account, counter]))
    out = unframe(await redact(posthog.decode(raw, {}, LIMIT)))["batch"]
    assert out[2]["properties"]["distinct_id"] == "user-1042" and out[3]["properties"]["distinct_id"] == "d1"
    assert HELD_USER not in json.dumps(out) and "fietsy" not in json.dumps(out)
    assert out[0]["properties"]["$anon_distinct_id"] == uuid and out[1]["properties"]["distinct_id"] == "48213"
    pseudonym = out[0]["properties"]["distinct_id"]
    assert re.fullmatch(r"#[0-9a-f]{16}", pseudonym), pseudonym
    alias = analytics_event("$create_alias", alias=HELD_USER, distinct_id="48213")  # posthog.alias('fietsymke82')
    [sent] = unframe(await redact(posthog.decode(posthog_body(capture_batch([alias])), {}, LIMIT)))["batch"]
    assert HELD_USER not in json.dumps(sent) and sent["properties"]["distinct_id"] == "48213"
    assert sent["properties"]["alias"] == pseudonym  # another batch, the same person
    flags = json.dumps({"token": TOKEN, "distinct_id": HELD_USER, "$anon_distinct_id": uuid}).encode()
    sent = json.loads(await redact(posthog.decode(flags, {}, LIMIT)))
    assert HELD_USER not in json.dumps(sent) and sent["$anon_distinct_id"] == uuid and sent["token"] == TOKEN
    assert sent["distinct_id"] == pseudonym  # and another route
    event = {**sentry_error_event(), "user": {"id": f"u-{HELD_USER}"}}
    opaque = {**sentry_error_event(), "user": {"id": 48213}}
    session = {"sid": "1" * 32, "status": "ok", "did": HELD_USER}
    envelope = b"\n".join([b'{"event_id":"' + b"9" * 32 + b'"}', b'{"type":"event"}', json.dumps(event).encode(),
                           b'{"type":"event"}', json.dumps(opaque).encode(),
                           b'{"type":"session"}', json.dumps(session).encode()])
    out = await redact(sentry.decode(envelope, {}, {}, LIMIT))
    assert HELD_USER not in out.decode() and "fietsy" not in out.decode()
    assert json.loads(read_envelope(out)[1][1][1])["user"] == {"id": 48213}


async def test_a_full_name_in_a_page_urls_query_is_masked_whatever_its_parameter(redact):
    """'$referrer': '…/bye.html?klant=Zorbalie+Quendt': the parameter's name says nothing, the name
    is on no list, but its shape is a person's (two capitalised words) — a search query keeps its words."""
    event = analytics_event("$pageview", **{
        "$referrer": "http://app.test/bye.html?klant=Zorbalie+Quendt&q=Apple+Watch+Ultra&step=2",
        "$current_url": "http://app.test/heldout.html?sdk=posthog#wie=Zorbalie%20Quendt"})
    [sent] = unframe(await redact(posthog.decode(posthog_body(capture_batch([event])), {}, LIMIT)))["batch"]
    assert "Zorbalie" not in json.dumps(sent) and "Quendt" not in json.dumps(sent)
    assert sent["properties"]["$referrer"].startswith("http://app.test/bye.html?klant=")
    assert sent["properties"]["$referrer"].endswith("&q=Apple+Watch+Ultra&step=2")
    assert sent["properties"]["$current_url"].startswith("http://app.test/heldout.html?sdk=posthog#wie=")


async def test_sentry_span_and_log_items_keep_their_structure(redact):
    """@sentry/browser 11 streams spans and logs as items of {value, type} attributes: the values a
    key names are masked (telefoon, user.email), the attributes' types, the SDK's own attributes and
    the ids stay readable — a masked "string" type would taint every "string" of the session."""
    def attributes(**values) -> dict:
        return {k: {"value": v, "type": "integer" if isinstance(v, int) else "string"} for k, v in values.items()}
    trace = "2355b44d98bc41c780259f8976c00a0b"
    log = {"version": 2, "items": [{"timestamp": 1796210235.63, "level": "info", "trace_id": trace,
                                    "body": f"bestelling voor {HELD_EMAIL}", "severity_number": 9,
                                    "attributes": attributes(**{"telefoon": HELD_PHONE, "product": "Fietsbel, rood",
                                                                "user.email": HELD_EMAIL, "user.name": HELD_USER,
                                                                "sentry.sdk.name": "sentry.javascript.browser",
                                                                "sentry.sdk.version": "11.12.0",
                                                                "sentry.replay_id": "f" * 32})}]}
    span = {"version": 2, "items": [{"name": "/heldout.html", "span_id": "ab2bcc13b23717dc", "trace_id": trace,
                                     "start_timestamp": 1796210232.21, "end_timestamp": 1796210232.22, "status": "ok",
                                     "attributes": attributes(**{"sentry.op": "browser.dom_content_loaded_event",
                                                                 "sentry.segment.name": "/heldout.html",
                                                                 "sentry.exclusive_time": 0})}]}
    raw = b"\n".join([b'{"event_id":"' + b"9" * 32 + b'"}',
                      b'{"type":"log","item_count":1,"content_type":"application/vnd.sentry.items.log+json"}',
                      json.dumps(log).encode(),
                      b'{"type":"span","item_count":1,"content_type":"application/vnd.sentry.items.span.v2+json"}',
                      json.dumps(span).encode()])
    out = await redact(sentry.decode(raw, {}, {}, LIMIT))
    assert HELD_EMAIL not in out.decode() and "2957" not in out.decode() and HELD_USER not in out.decode()
    [(_, sent_log), (_, sent_span)] = read_envelope(out)[1]
    [entry] = json.loads(sent_log)["items"]
    assert entry["body"].startswith("bestelling voor ") and entry["trace_id"] == trace
    assert entry["attributes"]["telefoon"]["type"] == "string" and entry["attributes"]["product"]["value"] == "Fietsbel, rood"
    assert entry["attributes"]["sentry.sdk.name"] == {"value": "sentry.javascript.browser", "type": "string"}
    assert entry["attributes"]["sentry.replay_id"]["value"] == "f" * 32
    assert json.loads(sent_span) == span


async def test_sentry_metric_names_stay_readable_and_their_attributes_are_scanned(redact):
    """Sentry.metrics.count/distribution/gauge (a trace_metric item): a metric's `name` is the
    site's constant ("bestelling.geplaatst"), not a person's name, when it has a token's shape; its
    attributes are scanned as a log's are, and a name that holds an e-mail is scanned too."""
    def attributes(**values) -> dict:
        return {k: {"value": v, "type": "string"} for k, v in values.items()}
    trace = "2355b44d98bc41c780259f8976c00a0b"
    metrics = {"version": 2, "items": [
        {"timestamp": 1796288360.18, "trace_id": trace, "name": "bestelling.geplaatst", "type": "counter", "value": 1,
         "attributes": attributes(klant=HELD_EMAIL, product="Fietsbel, rood")},
        {"timestamp": 1796288360.19, "trace_id": trace, "name": "bestelling.bedrag", "type": "distribution",
         "unit": "euro", "value": 138.95, "attributes": attributes(rekening=HELD_IBAN)},
        {"timestamp": 1796288360.2, "trace_id": trace, "name": f"mail.{HELD_EMAIL}", "type": "gauge", "value": 2,
         "attributes": {}}]}
    raw = b"\n".join([b'{"event_id":"' + b"9" * 32 + b'"}',
                      b'{"type":"trace_metric","item_count":3,"content_type":"application/vnd.sentry.items.trace-metric+json"}',
                      json.dumps(metrics).encode()])
    out = await redact(sentry.decode(raw, {}, {}, LIMIT))
    assert HELD_EMAIL not in out.decode() and "7390" not in out.decode() and "tjallingsma" not in out.decode()
    [(_, sent)] = read_envelope(out)[1]
    entries = json.loads(sent)["items"]
    assert [e["name"] for e in entries[:2]] == ["bestelling.geplaatst", "bestelling.bedrag"]
    assert [(e["type"], e["value"], e["trace_id"]) for e in entries] == [
        ("counter", 1, trace), ("distribution", 138.95, trace), ("gauge", 2, trace)]
    assert entries[1]["unit"] == "euro" and entries[0]["attributes"]["product"]["value"] == "Fietsbel, rood"


async def test_a_url_that_is_a_key_is_redacted_as_a_url(redact):
    """PostHog's heatmaps key their points by the page's URL ({"$heatmap_data": {url: [...]}}): the
    key is a page's address, whose path may name the visitor (/klant/wobke-hiddema/)."""
    url = "http://app.test/klant/wobke-hiddema/heldout.html?sdk=posthog&stap=2"
    event = analytics_event("$$heatmap", **{"$heatmap_data": {url: [{"x": 10, "y": 20, "type": "click"}]}})
    [sent] = unframe(await redact(posthog.decode(posthog_body(capture_batch([event])), {}, LIMIT)))["batch"]
    [(key, points)] = sent["properties"]["$heatmap_data"].items()
    assert "hiddema" not in json.dumps(sent) and "wobke" not in json.dumps(sent)
    assert key.startswith("http://app.test/klant/") and key.endswith("/heldout.html?sdk=posthog&stap=2")
    assert points == [{"x": 10, "y": 20, "type": "click"}]


async def test_sentry_envelope_headers_trace_context_is_scanned(redact):
    """The envelope header's dynamic sampling context names the transaction (a span the page started:
    Sentry.startSpan({name: 'checkout voor ' + email})): scanned; its ids and public key are Sentry's."""
    trace = {"trace_id": "2355b44d98bc41c780259f8976c00a0b", "public_key": SENTRY_KEY, "sample_rate": "1",
             "sampled": "true", "transaction": f"checkout voor {HELD_EMAIL}", "replay_id": "f" * 32}
    header = json.dumps({"event_id": "9" * 32, "sent_at": "2026-12-01T22:00:02.500Z", "trace": trace,
                         "sdk": {"name": "sentry.javascript.browser", "version": "11.12.0"}}).encode()
    raw = b"\n".join([header, b'{"type":"event"}', b'{"message":"boom"}'])
    out = await redact(sentry.decode(raw, {}, {}, LIMIT))
    sent, items = read_envelope(out)
    assert HELD_EMAIL not in out.decode() and sent["trace"]["transaction"].startswith("checkout voor ")
    assert {k: v for k, v in sent["trace"].items() if k != "transaction"} == \
        {k: v for k, v in trace.items() if k != "transaction"}
    assert sent["sdk"]["version"] == "11.12.0" and json.loads(items[0][1]) == {"message": "boom"}


async def test_what_the_visitor_wrote_in_a_survey_or_feedback_is_read_as_a_textarea(redact):
    """A survey's answers ($survey_response, $survey_response_<question id>, $survey_questions[].response)
    and a feedback message are what the visitor typed: a full name is read from its shape there, as
    in a textarea, for a name no list knows; the site's own words beside them stay."""
    question = "0190c0de-5eed-7000-8000-000000000001"
    event = analytics_event("survey sent", **{
        "$survey_id": "0190c0de-5eed-7000-8000-000000000000", "$survey_name": "Tevredenheid Fietsbel Rood",
        "$survey_response": "Prima, groeten van Zorbalie Quendt", f"$survey_response_{question}": "Zorbalie Quendt hier",
        "$survey_questions": [{"id": question, "question": "Hoe was het?", "response": "Bel Zorbalie Quendt terug"}]})
    [sent] = unframe(await redact(posthog.decode(posthog_body(capture_batch([event])), {}, LIMIT)))["batch"]
    properties = sent["properties"]
    assert "Zorbalie" not in json.dumps(sent) and "Quendt" not in json.dumps(sent)
    assert properties["$survey_response"].startswith("Prima, groeten van ")
    assert f"$survey_response_{question}" in properties  # the key names the question: kept
    assert properties["$survey_name"] == "Tevredenheid Fietsbel Rood"
    assert properties["$survey_questions"][0]["question"] == "Hoe was het?"


@pytest.mark.parametrize("comments, secret, kept", [
    ("mijn wachtwoord kastanje77 werkt niet", "kastanje77", "werkt niet"),
    ("Hi, my password is Lantaarn9x and it fails", "Lantaarn9x", "and it fails"),
    ("my password reset link never came", None, "my password reset link never came"),
    # what the password is for before its verb, a compound's end, a home network's key
    ("mijn wachtwoord voor de app is Fiets123 en werkt niet", "Fiets123", "en werkt niet"),
    ("das WLAN-Passwort lautet Sommer2023 seit gestern", "Sommer2023", "seit gestern"),
    ("le code wifi de chez moi est Moreau1987! pour le technicien", "Moreau1987", "pour le technicien"),
])
async def test_a_password_given_in_a_feedbacks_comments_is_masked(redact, comments, secret, kept):
    """Review 20 F12: a Sentry user feedback's "comments" (a user_report item, forwarded to the collector) is what the
    visitor wrote, read as a textarea for names, but not for a password given in a sentence: "mijn wachtwoord
    zonnebloem42 werkt niet" reached the collector raw. The rest of the line stays."""
    report = json.dumps({"event_id": "c" * 32, "name": "Wannes", "comments": comments}).encode()
    raw = sentry_envelope("a" * 32, [meta("https://shop.example/")],
                          extra_items=[({"type": "user_report", "length": len(report)}, report)])
    header, items = read_envelope(await redact(sentry.decode(raw, {"sentry_key": SENTRY_KEY}, {}, LIMIT)))
    sent = json.loads(items[2][1])["comments"]
    assert kept in sent, sent
    if secret:
        assert secret not in sent, sent


async def test_a_given_name_opening_a_sentence_the_visitor_wrote_in_a_payload_is_masked_but_not_remembered(detector):
    """A draft a page sends as a capture's property before the recording that teaches the name ("Ninon est née le
    …": peers round 11, a sendBeacon) names the child by a given name alone opening a sentence before its verb:
    masked there, as in a textarea. Not remembered: the same keys hold the site's lines in Sentry's breadcrumbs
    ("Sofie is aan het typen…", review 15 F1), and the page's later "Sofie" in a chat header stays readable."""
    policy, masker, mirrors = Policy.compile("test", validate_site_config({})), Masker("*", b"secret"), {}

    async def send(*events: dict) -> list[dict]:  # one session's batches, its state kept between them
        body = posthog.decode(posthog_body(capture_batch(list(events))), {}, LIMIT)
        for group in body.groups:
            redaction = await redact_events(group.events, policy, mirrors.setdefault(group.session, DomMirror()), masker,
                                            lambda texts, language: detector.analyze(texts, language,
                                                                                     settings=policy.config.pii),
                                            meta=group.meta)
            group.kept = redaction.events
        return unframe(body.encode())["batch"]

    first = await send(analytics_event("brouillon", message="Ninon est née le 3 mars, elle aime les puzzles."),
                       analytics_event("chat", message="Sofie is aan het typen…"))
    stored = json.dumps(first, ensure_ascii=False)
    assert "Ninon" not in stored and "Sofie" not in stored, stored
    assert "est née le" in stored and "is aan het typen" in stored
    [later] = await send(analytics_event("$pageview", **{"$title": "Chat met Sofie en Ninon"}))
    assert later["properties"]["$title"] == "Chat met Sofie en Ninon", later


async def test_what_the_review_found_in_sentry_and_posthog_payloads_is_redacted(redact):
    """A header's nested trace context, a root span's description and data (contexts.trace), a phone
    number as Sentry's user.phone or as a long numeric id, a card number under a key naming an id
    (orderId) or as a PostHog property: each reached the collector raw (all digits looked like ids,
    a nested change was missed by comparing after the pass)."""
    card, phone = "4111111111111111", "0471234567"
    trace = {"trace_id": "2355b44d98bc41c780259f8976c00a0b", "public_key": SENTRY_KEY, "ctx": {"mail": HELD_EMAIL}}
    header = json.dumps({"event_id": "9" * 32, "trace": trace}).encode()
    event = {**sentry_error_event(), "user": {"id": 48213, "phone": phone}, "extra": {"orderId": card},
             "contexts": {"trace": {"trace_id": "2355b44d98bc41c780259f8976c00a0b", "span_id": "a" * 16,
                                    "op": "pageload", "description": f"checkout voor {HELD_EMAIL}",
                                    "data": {"klant.email": HELD_EMAIL, "url": f"/bel?tel={phone}"}}}}
    raw = b"\n".join([header, b'{"type":"event"}', json.dumps(event).encode()])
    out = (await redact(sentry.decode(raw, {}, {}, LIMIT))).decode()
    for value in (HELD_EMAIL, phone, card):
        assert value not in out, value
    sent = json.loads(read_envelope(out.encode())[1][0][1])
    assert sent["user"]["id"] == 48213 and sent["contexts"]["trace"]["op"] == "pageload"
    assert sent["contexts"]["trace"]["span_id"] == "a" * 16
    properties = analytics_event("$pageview", kaartnummer_bevestigd=card, distinct_id=phone)
    sent_batch = unframe(await redact(posthog.decode(posthog_body(capture_batch([properties])), {}, LIMIT)))["batch"]
    assert card not in json.dumps(sent_batch) and phone not in json.dumps(sent_batch)


async def test_a_spans_name_is_an_operation_scanned_as_text(redact):
    """A span's own fields (Sentry 11's streamed spans, a transaction's spans) name an operation:
    "Checkout Step Two", "POST /api/orders" stay readable, what a detector finds in them is masked,
    and their words are no echo to mask elsewhere (a span named "Checkout" masked whole as a
    person's name made "/checkout/" of every URL of the session an echo). Its attributes keep
    their keys' meanings."""
    trace = "2355b44d98bc41c780259f8976c00a0b"
    names = ["Checkout Step Two", "POST /api/orders", f"Bestelling voor {HELD_EMAIL}"]
    spans = {"version": 2, "items": [
        {"name": name, "span_id": f"ab2bcc13b23717d{n}", "trace_id": trace, "status": "ok",
         "attributes": {"telefoon": {"value": HELD_PHONE, "type": "string"}}} for n, name in enumerate(names)]}
    transaction = {"type": "transaction", "transaction": "/checkout/payment", "event_id": "9" * 32,
                   "request": {"url": "https://shop.example/checkout/payment"},
                   "spans": [{"op": "ui.click", "description": "Checkout Step Two", "span_id": "ab2bcc13b23717dd"}]}
    raw = b"\n".join([b'{"event_id":"' + b"9" * 32 + b'"}',
                      b'{"type":"span","item_count":3,"content_type":"application/vnd.sentry.items.span.v2+json"}',
                      json.dumps(spans).encode(), b'{"type":"transaction"}', json.dumps(transaction).encode()])
    out = await redact(sentry.decode(raw, {}, {}, LIMIT))
    [(_, sent_spans), (_, sent_transaction)] = read_envelope(out)[1]
    items = json.loads(sent_spans)["items"]
    assert [item["name"] for item in items[:2]] == names[:2]
    assert items[2]["name"].startswith("Bestelling voor ") and HELD_EMAIL not in out.decode()
    assert HELD_PHONE not in out.decode() and "2957" not in out.decode()
    assert json.loads(sent_transaction)["request"]["url"] == "https://shop.example/checkout/payment"
    assert json.loads(sent_transaction)["transaction"] == "/checkout/payment"


async def test_software_is_named_not_a_person(redact):
    """{"name", "version"} is how software is named (Sentry's browser and os contexts, an SDK):
    "Chrome" and "Mac OS X" stay, and so do their echoes in the user agent and a console line;
    a person's name there is still found by the detector."""
    event = {"event_id": "9" * 32, "level": "error", "platform": "javascript",
             "contexts": {"browser": {"name": "Chrome", "version": "120.0.0"},
                          "os": {"name": "Mac OS X", "version": "14.1"}},
             "breadcrumbs": [{"category": "console", "message": "Chrome extension loaded", "level": "log"}],
             "request": {"url": "https://shop.example/checkout",
                         "headers": {"User-Agent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) Chrome/120"}},
             "extra": {"buyer": {"name": HELD_NAME, "version": 2}}}
    raw = b"\n".join([b'{"event_id":"' + b"9" * 32 + b'"}', b'{"type":"event"}', json.dumps(event).encode()])
    [(_, sent)] = read_envelope(await redact(sentry.decode(raw, {}, {}, LIMIT)))[1]
    sent = json.loads(sent)
    assert sent["contexts"] == event["contexts"] and sent["breadcrumbs"] == event["breadcrumbs"]
    assert "Mac OS X 10_15_7) Chrome/" in sent["request"]["headers"]["User-Agent"]
    assert "Tjallingsma" not in json.dumps(sent)



async def test_a_handle_after_a_path_segment_of_people_is_masked(redact):
    """A page path that names who it is about ("/klant/jorindev77", a Sentry transaction from
    scope.setTransactionName or a route, a request's URL): the segment after one that holds people is
    a handle or an id no detector reads, masked whole, digits or not ("/u/jorindev"); a page of the
    site's there ("/account/settings") and a page's file ("/klant/index.html") are kept, and any
    other path keeps its segments."""
    handle = "jorindev77"
    event = {"event_id": "9" * 32, "level": "error", "platform": "javascript", "transaction": f"/klant/{handle}",
             "extra": {"profiel": "/u/jorindev", "bestellingen": "/klant/bestellingen"},
             "request": {"url": f"https://shop.example/users/{handle}/orders?tab=open"},
             "tags": {"route": "/account/settings", "page": "/klant/index.html", "other": "/checkout/step2"}}
    raw = b"\n".join([b'{"event_id":"' + b"9" * 32 + b'"}', b'{"type":"event"}', json.dumps(event).encode()])
    [(_, sent)] = read_envelope(await redact(sentry.decode(raw, {}, {}, LIMIT)))[1]
    sent = json.loads(sent)
    assert handle not in json.dumps(sent) and "indev" not in json.dumps(sent)
    assert sent["transaction"].startswith("/klant/*") and sent["request"]["url"].endswith("/orders?tab=open")
    assert sent["tags"] == event["tags"]
    assert sent["extra"] == {"profiel": "/u/********", "bestellingen": "/klant/bestellingen"}


async def test_a_mobile_without_its_country_code_after_a_local_call_word_in_an_extra_note_is_masked(redact):
    """A Sentry error's extra note in Polish and Latvian (review 36 F3: "proszę o kontakt 512 …" was sent raw): the
    national number after the visitor's own call word is masked there as in page text; the note's words stay."""
    notes = {"uwaga": "klientka prosi: proszę o kontakt 601 234 567 jutro", "piezime": "tālr. 26123456, pēc 17"}
    event = {"event_id": "9" * 32, "level": "error", "platform": "javascript", "extra": notes}
    raw = b"\n".join([b'{"event_id":"' + b"9" * 32 + b'"}', b'{"type":"event"}', json.dumps(event).encode()])
    [(_, sent)] = read_envelope(await redact(sentry.decode(raw, {}, {}, LIMIT)))[1]
    extra = json.loads(sent)["extra"]
    assert extra == {"uwaga": "klientka prosi: proszę o kontakt *** *** *** jutro", "piezime": "tālr. ********, pēc 17"}


async def test_a_property_whose_key_names_the_user_is_masked_whole(redact):
    """posthog.register_once({eerste_gebruiker: "jorindev77"}): a super property whose key says it
    is the user (Dutch "gebruiker", French "utilisateur", German "Nutzer") holds a handle no detector
    reads, in every event after it: masked whole, as under "username"; the other properties stay."""
    properties = {"eerste_gebruiker": "jorindev77", "utilisateur": "margaux_b", "Nutzername": "kaiser77",
                  "product": "Kinderzitje Junior", "$raw_user_agent": "Mozilla/5.0"}
    raw = posthog_body(capture_batch([analytics_event("terugbel_verzoek", **properties)]))
    sent = unframe(await redact(posthog.decode(raw, {}, LIMIT)))["batch"][0]["properties"]
    for key in ("eerste_gebruiker", "utilisateur", "Nutzername"):
        assert set(sent[key]) == {"*"}, key
    assert sent["product"] == "Kinderzitje Junior" and sent["$raw_user_agent"] == "Mozilla/5.0"


async def test_a_course_or_a_training_named_under_its_key_is_a_things_name(redact):
    """A course is sold as a product is: "cursus.naam" (a span attribute), "course_name", "nom_du_cours",
    "training.name" name the course ("Frans B1 Avondcursus", whose first word is also a first name), not a
    person, as "produkt.name" does (rules/fields.yaml not_with). The person beside it is still masked."""
    course = "Frans B1 Avondcursus"
    properties = {"cursus.naam": course, "course_name": course, "nom_du_cours": course, "training.name": course,
                  "opleiding_naam": course, "klant.naam": "Quirijne Hobbelsteyn"}
    raw = posthog_body(capture_batch([analytics_event("inschrijving", **properties)]))
    sent = unframe(await redact(posthog.decode(raw, {}, LIMIT)))["batch"][0]["properties"]
    assert {k: sent[k] for k in properties if k != "klant.naam"} == {k: course for k in properties if k != "klant.naam"}
    assert set(sent["klant.naam"]) <= {"*", " "}


async def test_a_serialized_errors_name_is_its_class_not_a_persons(redact):
    """console.error(new Error(…)) reaches Sentry's console breadcrumb as {message, name, stack}: its
    `name` is the error's class ("Error", "TypeError"), not a person's, though its key says name; masked
    whole and echoed it left "*****: betaling mislukt" in the stack (round 8 of the peers' held-out hunt).
    What the message and the stack say is still scanned."""
    stack = "Error: betaling mislukt\n    at HTMLButtonElement.<anonymous> (http://app.test:8080/taalhuis/inschrijving.html:117:23)"
    error = {"message": f"betaling mislukt, bel {PHONE}", "name": "Error", "stack": stack + f"\n    {EMAIL}"}
    event = {"event_id": "9" * 32, "level": "error", "breadcrumbs": [
        {"category": "console", "level": "error", "data": {"arguments": [error], "logger": "console"}}]}
    raw = b"\n".join([b'{"event_id":"' + b"9" * 32 + b'"}', b'{"type":"event"}', json.dumps(event).encode()])
    out = (await redact(sentry.decode(raw, {}, {}, LIMIT))).decode()
    assert PHONE not in out and EMAIL not in out
    [(_, sent)] = read_envelope(out.encode())[1]
    [argument] = json.loads(sent)["breadcrumbs"][0]["data"]["arguments"]
    assert argument["name"] == "Error" and argument["stack"].startswith(stack), argument


async def test_what_kind_an_address_is_takes_no_meaning_from_the_key_above_it(redact):
    """{"adressen": [{"soort": "post", "regel": …}]}: the key above says every value below is an address,
    but "soort" (kind, "Typ", "kind") says which kind it is: "post" masked as an address was echoed as
    one in every "POST" of the session (Sentry's span names "POST app.test", request methods: round 8 of
    the peers' held-out hunt). The address itself is still masked."""
    address = "Rue des Tanneurs 58, 1000 Bruxelles"
    family = {"adressen": [{"soort": "post", "regel": address}, {"Typ": "Rechnung", "regel": address},
                           {"kind": "home", "line": address}]}
    raw = posthog_body(capture_batch([analytics_event("inschrijving", **{"$set": family, "methode": "POST"})]))
    sent = unframe(await redact(posthog.decode(raw, {}, LIMIT)))["batch"][0]["properties"]
    assert address not in json.dumps(sent)
    assert [a.get("soort", a.get("Typ", a.get("kind"))) for a in sent["$set"]["adressen"]] == ["post", "Rechnung", "home"]
    assert sent["methode"] == "POST"


async def test_a_country_or_a_category_takes_no_meaning_from_the_key_above_it(redact):
    """{"rijbewijs": {"nummer": …, "categorie": "B", "land": "Nederland"}} (Sentry.setContext): the key above
    says every value below is a licence's number, but a country or a category is which of the site's own
    list it is: "Nederland" masked as an identity number was remembered and masked in every request and
    response body of the session that named the country ("land=*********": round 9 of the peers'
    held-out hunt). The number itself is still masked."""
    licence = "7304518269"
    context = {"rijbewijs": {"nummer": licence, "categorie": "B", "land": "Nederland"},
               "adres": {"straat": "Brugsesteenweg 211", "country": "Belgium", "category": "home"}}
    raw = posthog_body(capture_batch([analytics_event("aanmelding", **context, formulier="land=Nederland")]))
    sent = unframe(await redact(posthog.decode(raw, {}, LIMIT)))["batch"][0]["properties"]
    assert licence not in json.dumps(sent) and "Brugsesteenweg" not in json.dumps(sent)
    assert (sent["rijbewijs"]["categorie"], sent["rijbewijs"]["land"]) == ("B", "Nederland"), sent["rijbewijs"]
    assert (sent["adres"]["country"], sent["adres"]["category"]) == ("Belgium", "home"), sent["adres"]
    assert sent["formulier"] == "land=Nederland"


async def test_a_plate_under_a_key_that_names_a_car_is_one(redact):
    """{"wagen": "GZ-123-B"} (a capture's property, a Sentry tag): alone, a plate's shape is any product code and
    the detector reports it only beside a word for the car or the plate; the key is that word, as its last word (a
    compound, a plural, a number's tail: "Mietwagen", "voertuigen", "carPlate"; a motorbike's or a truck's: "moto",
    "lkw", "camion"). The second driver's
    plate, never typed on the page, passed both SDKs raw (round 9b of the peers' held-out hunt). A car's model under
    the same key, and a code of that shape under another key, stay readable."""
    cars = {"wagen": "GZ-123-B", "auto": "Renault Zoe", "Fahrzeug": "AC-LH 719", "sku": "XC-400-B",
            "attributes": {"wagen": {"value": "1-KLM-482", "type": "string"}}, "voertuig": "1-TRV-905",
            "second_car": "XR 3097", "car2": "GZ-201-B", "Mietwagen": "GZ-202-B", "voertuigen": ["GZ-203-B"],
            "vehicle_id": "GZ-204-B", "rental": {"car": {"plate": "GZ-205-B", "model": "Renault Zoe"}},
            "wagen_lu": "AB 1234", "autoQuality": "HD 1080", "auto_save": "ON-12-B", "vehicle_type": "MX 5000",
            "moto": "1-MTR-381", "lkw": "AC-TR 518", "camion": "GT-772-K"}
    raw = posthog_body(capture_batch([analytics_event("tweede_bestuurder", **cars)]))
    sent = unframe(await redact(posthog.decode(raw, {}, LIMIT)))["batch"][0]["properties"]
    assert not [plate for plate in ("GZ-123", "AC-LH", "KLM-48", "TRV-90", "R 3097", "GZ-20", "AB 1234", "MTR-38",
                                    "AC-TR", "GT-772")
                if plate in json.dumps(sent)], sent
    # a car word opening a key is a setting's, and a word after it says what the key holds: no plate's label
    assert (sent["autoQuality"], sent["auto_save"], sent["vehicle_type"]) == ("HD 1080", "ON-12-B", "MX 5000"), sent
    assert sent["rental"]["car"]["model"] == "Renault Zoe", sent
    assert sent["attributes"]["wagen"]["type"] == "string"
    assert (sent["auto"], sent["sku"]) == ("Renault Zoe", "XC-400-B"), sent
    event = {"event_id": "9" * 32, "level": "info", "message": "aanmelding", "tags": {"wagen": "1-KLM-482", "auto": "Renault Zoe"}}
    raw = b"\n".join([b'{"event_id":"' + b"9" * 32 + b'"}', b'{"type":"event"}', json.dumps(event).encode()])
    out = (await redact(sentry.decode(raw, {}, {}, LIMIT))).decode()
    [(_, tagged)] = read_envelope(out.encode())[1]
    tags = json.loads(tagged)["tags"]
    assert "KLM-48" not in out and tags["auto"] == "Renault Zoe", tags


async def test_a_compact_iban_is_not_taken_for_a_hex_id(redact):
    """A Belgian or a German IBAN written without spaces ("BE07363001234566", "DE89370400440532013000")
    is all hex characters: taken for a digest, it was never scanned. A hex id has letters beyond its
    first two characters; two letters and digits only are an account number, read as any value."""
    ibans = {"van": "BE07363001234566", "naar": "de89370400440532013000"}
    ids = {"checksum": "4bf92f3577b34da6a3ce929d0e0e4736", "ref": "0193a5b27c3d7e4f"}
    raw = posthog_body(capture_batch([analytics_event("overschrijving", **ibans, **ids)]))
    sent = unframe(await redact(posthog.decode(raw, {}, LIMIT)))["batch"][0]["properties"]
    for key in ibans:
        assert set(sent[key]) == {"*"}, sent[key]
    assert {key: sent[key] for key in ids} == ids

# -- structural keys: skipped only with the shape the SDK gives them ------------------------------
UA = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"


def sdk_shaped_properties() -> dict:
    """What posthog-js writes under its own keys, in the shapes it gives them."""
    return {"$device_id": "0193a5b2-7c3d-7e4f-8a9b-0c1d2e3f4a60", "$pageview_id": "0193a5b2-7c3d-7e4f-8a9b-0c1d2e3f4a61",
            "$insert_id": "k2j3h4g5f6d7s8a9", "$time": 1764626400.123, "$lib_version": "1.449.2",
            "$timezone": "Europe/Brussels", "$browser_language": "nl-BE", "$device_type": "Desktop", "$os": "Mac OS X",
            "$os_version": "10.15.7", "$browser": "Chrome", "$browser_version": 131, "$raw_user_agent": UA,
            "$lib_custom_api_host": "https://eu.i.posthog.com", "$screen_height": 900, "$is_identified": False,
            "$recording_status": "active", "$sdk_debug_session_start": 1764626399000}


async def test_posthog_structural_keys_pass_only_with_the_sdks_shape(redact):
    """A site can set any property (register(), bootstrap's device id) and a client can send anything:
    an e-mail under $device_id, $insert_id, a page view's or a tab's id, a time, the project key, or a
    whole rrweb input event under $snapshot_data of an event that is no $snapshot reached the
    collector raw. Now each is scanned unless it has the shape posthog-js gives it."""
    typed = {"type": 3, "timestamp": 5, "data": {"source": 5, "id": 9, "text": f"mijn adres {EMAIL}"}}
    planted = dict.fromkeys(("$device_id", "$insert_id", "$pageview_id", "$prev_pageview_id", "$session_id",
                             "$window_id", "timestamp", "$time", "sent_at", "offset", "uuid", "token"), EMAIL)
    event = analytics_event("signup", **planted, **{"$snapshot_data": [typed],
                                                   "$lib_custom_api_host": f"https://x.example/?e={EMAIL}"})
    event.update(dict.fromkeys(("sent_at", "offset", "api_key", "$token", "uuid", "timestamp"), EMAIL))
    other = analytics_event(f"clicked {EMAIL}", properties=None)
    other["properties"] = f"for {EMAIL}"  # not an object
    body = {"api_key": TOKEN, "batch": [event, other], "sent_at": EMAIL, "note": EMAIL}
    out = json.dumps(unframe(await redact(posthog.decode(posthog_body(body), {}, LIMIT))))
    assert EMAIL not in out and "jan.jansen" not in out
    assert "mijn adres" in out and "clicked " in out  # scanned, not dropped


@pytest.mark.parametrize("framing", ["gzip", "json"])
async def test_posthog_properties_in_the_sdks_shapes_pass_byte_for_byte(redact, framing):
    """The shapes are those posthog-js writes: its events, scanned where a key's value has no narrow
    shape (the OS, the browser, the user agent, a custom host), still pass unchanged."""
    raw = posthog_body(capture_batch([analytics_event("$pageview", **sdk_shaped_properties()),
                                      analytics_event("$pageleave", **sdk_shaped_properties())]), framing)
    assert await redact(posthog.decode(raw, {}, LIMIT)) == raw


@pytest.mark.parametrize("key, written", [("$lib", "amelie.vermeulen"), ("$timezone", "Amelie/Vermeulen"),
                                          ("$device_type", "amelie"), ("$browser_language", "amelie-vermeulen"),
                                          ("$recording_status", "amelie_vermeulen")])
async def test_posthog_properties_of_few_words_pass_only_with_those_words(redact, key, written):
    """$lib, $timezone, $device_type… were skipped when shaped as any short token: a name or an e-mail's
    local part written there ("amelie.vermeulen"), which no detector reads as a name, went on. Now only
    posthog-js's words pass; anything else is masked whole."""
    raw = posthog_body(capture_batch([analytics_event("$pageview", **{key: written})]))
    sent = unframe(await redact(posthog.decode(raw, {}, LIMIT)))["batch"][0]["properties"]
    assert set(sent[key]) == {"*"}, sent[key]


def test_an_opaque_session_id_holds_a_digit_a_name_none():
    """posthog-js's ids are UUIDs; a site's own may be opaque ("0193-session", "u42-x9"), but words of
    letters alone ("amelie-vermeulen") are a name's: such a value is scanned, not skipped."""
    assert peer.session_id("0193a5b2-7c3d-7e4f-8a9b-0c1d2e3f4a60") and peer.session_id("u42-x9")
    assert peer.session_id("0193-session")
    for name in ("amelie-vermeulen", "amelie_vermeulen", "jan"):
        assert not peer.session_id(name), name


async def test_sentry_structural_keys_pass_only_with_the_sdks_shape(redact):
    """An item header's filename, extra keys of a replay_recording's first line, the dynamic sampling
    context's trace_id, release and environment, an event's release, environment and debug_meta paths, a
    session's status, a client report's reason: each reached the collector raw."""
    header = json.dumps({"event_id": "9" * 32, "sent_at": "2026-12-01T22:00:02.500Z",
                         "sdk": {"name": "sentry.javascript.browser", "version": "11.12.0"},
                         "trace": {"trace_id": HELD_EMAIL, "public_key": SENTRY_KEY, "release": HELD_EMAIL,
                                   "environment": HELD_EMAIL, "sample_rate": "1"}}).encode()
    event = {"event_id": "9" * 32, "message": "boom", "release": HELD_EMAIL, "environment": HELD_EMAIL,
             "dist": HELD_EMAIL, "level": HELD_EMAIL, "platform": HELD_EMAIL,
             "debug_meta": {"images": [{"type": "sourcemap", "code_file": f"/home/{HELD_EMAIL}/app.js"}]}}
    session = {"sid": "1" * 32, "init": True, "status": HELD_EMAIL, "did": "u"}
    report = {"timestamp": 1764626402.3, "discarded_events": [{"reason": HELD_EMAIL, "category": "error", "quantity": 1}]}
    recording = b'{"segment_id":0,"note":"' + HELD_EMAIL.encode() + b'"}\n' + json.dumps([meta()]).encode()
    raw = b"\n".join([header, json.dumps({"type": "event", "filename": "jan.peeters@gmail.com.txt",
                                          "note": HELD_EMAIL}).encode(),
                      json.dumps(event).encode(), b'{"type":"session"}', json.dumps(session).encode(),
                      b'{"type":"client_report"}', json.dumps(report).encode(),
                      b'{"type":"replay_recording","length":%d}' % len(recording), recording])
    out = await redact(sentry.decode(raw, {}, {}, LIMIT))
    assert HELD_EMAIL not in out.decode() and "tjallingsma" not in out.decode() and "peeters" not in out.decode()
    sent_header, items = read_envelope(out)
    assert [h["type"] for h, _ in items] == ["event", "session", "client_report", "replay_recording"]
    assert sent_header["trace"]["public_key"] == SENTRY_KEY and sent_header["trace"]["sample_rate"] == "1"
    assert items[3][1].startswith(b'{"segment_id":0}\n')  # the line as the SDK writes it: its id alone
    assert json.loads(items[0][1])["message"] == "boom"


@pytest.mark.parametrize("line", [b'{"segment_id":"0"}', b'{"segment_id":-1}', b'{"segment_id":true}', b'{"note":1}'])
def test_a_replay_recording_whose_segment_id_is_no_whole_number_is_refused(line):
    recording = line + b"\n[]"
    raw = b'{"event_id":"x"}\n{"type":"replay_recording","length":%d}\n' % len(recording) + recording
    with pytest.raises(BatchError) as refused:
        sentry.decode(raw, {}, {}, LIMIT)
    assert refused.value.status == 400 and refused.value.code == "bad_envelope"


@pytest.mark.parametrize("kind", [b'{"x":1}', b"7", b"null", b"[]"])
def test_an_item_whose_type_is_no_string_is_refused(kind):
    with pytest.raises(BatchError) as refused:
        sentry.decode(b'{"event_id":"x"}\n{"type":' + kind + b'}\n{"a":1}', {}, {}, LIMIT)
    assert refused.value.status == 400 and refused.value.code == "bad_envelope"


async def test_a_network_response_is_not_what_the_visitor_wrote(redact):
    """A response body is the server's ("responseBody", Sentry's "response": {"body"}), though "response"
    names a survey's answer elsewhere: a product's name in it is not read as a person's by its shape, nor
    tainted, so the site's own capture naming the product stays readable. What a visitor wrote still is read
    so, a survey question's "response" text, object or list and a comment's "body" included."""
    product = "Croisière Fjords Arctiques"
    programme = json.dumps({"etapes": [{"jour": n, "programme": f"{product}, escale {n}"} for n in range(1, 4)]},
                           ensure_ascii=False)
    sentry_span = custom("performanceSpan", {"op": "resource.fetch", "description": "https://shop.example/api/trip",
                                             "startTimestamp": 1.0, "endTimestamp": 1.2,
                                             "data": {"response": {"body": json.loads(programme)}}})
    captured = custom("reservation", {"voyage": product, "$survey_response": "Groeten van Zorbalie Quendt",
                                      "$survey_questions": [{"id": "q1", "response": "bel Ysaure Quenouillere"},
                                                            {"id": "q2", "response": {"text": "aan Zoltrien Vaskebruin"}},
                                                            {"id": "q3", "response": ["Quirijne Hobbelsteyn"]}],
                                      "comment": {"body": "vraag naar Hadewych Stroobants"}})
    for events in ([meta(), posthog_network(request("https://shop.example/api/trip", responseBody=programme)), captured],
                   [meta(), sentry_span, captured]):
        out = await redact(posthog.decode(posthog_body([snapshot_event(events, compress=False)]), {}, LIMIT))
        recorded = json.dumps(unframe(out)[0]["properties"]["$snapshot_data"], ensure_ascii=False)
        assert recorded.count(product) == 4, recorded
        for name in ("Zorbalie", "Quendt", "Ysaure", "Quenouillere", "Hadewych", "Stroobants", "Zoltrien",
                     "Vaskebruin", "Quirijne", "Hobbelsteyn"):
            assert name not in recorded, name


async def test_a_validation_issue_gives_its_value_the_meaning_of_the_field_it_names(redact):
    """A validation error names the field it is about and holds what was typed there: zod's issues
    as Sentry's zodErrorsIntegration sends them (extra and a JSON attachment: {path, input}),
    Pydantic's {loc, input}, yup's {path, value}. A mistyped national number there has no check
    digits to prove it: the field its path names says what it is, as a form field's name does.
    A field that names a thing keeps its value readable."""
    typo = "83.05.29-417.0"
    issues = [{"code": "custom", "path": "mieter.rijksregisternummer", "message": "Ongeldig rijksregisternummer",
               "input": typo},
              {"type": "string_too_short", "loc": ["body", "geboortedatum"], "input": "3/3/86"},
              {"path": "klant.voornaam", "value": "Wannes"},
              {"code": "too_small", "path": "bestelling.product", "input": "Zadeldek Comfort"}]
    event = {"event_id": "9" * 32, "level": "error", "extra": {"zoderror.issues": issues}}
    raw = b"\n".join([b'{"event_id":"' + b"9" * 32 + b'"}', b'{"type":"event"}', json.dumps(event).encode(),
                      b'{"type":"attachment","filename":"zod_issues.json"}', json.dumps({"issues": issues}).encode()])
    out = (await redact(sentry.decode(raw, {}, {}, LIMIT))).decode()
    for value in (typo, "417.0", "3/3/86", "Wannes"):
        assert value not in out
    [(_, sent), (_, attached)] = read_envelope(out.encode())[1]
    for reported in (json.loads(sent)["extra"]["zoderror.issues"], json.loads(attached)["issues"]):
        assert reported[0]["path"] == "mieter.rijksregisternummer" and reported[0]["message"] == "Ongeldig rijksregisternummer"
        assert reported[3]["input"] == "Zadeldek Comfort"


async def test_validation_errors_of_other_libraries_give_their_values_the_fields_meaning(redact):
    """Joi holds the value in its error's context ({path, context: {value}}), ajv (verbose) under `data`
    beside its instancePath, and a message may quote it ("'Verhaeghe' is too long"): each takes the meaning of
    the field the error names. A path to a field the visitor writes text in has its value read as that text,
    a name only its shape finds included; the path itself is structure ("/klant/achternaam" stays), where a
    page's path under the same key is still read as one."""
    errors = {"details": [{"message": '"achternaam" length must be less than 3', "path": ["achternaam"],
                           "type": "string.max", "context": {"limit": 3, "value": "Quendtaert", "key": "achternaam"}}],
              "errors": [{"instancePath": "/klant/achternaam", "keyword": "maxLength", "data": "Vaskebruin",
                          "message": "must NOT have more than 3 characters"},
                         {"field": "lastName", "message": "'Hobbelsteyn' is too long"}],
              "issues": [{"path": ["opmerking"], "input": "groeten van Zoltrien Quenouillere", "code": "too_big"}]}
    # a page's path under the same key, naming no field, is still read as one ("/klant/<a handle>")
    event = {"event_id": "9" * 32, "level": "error", "extra": {"validation": errors, "page": {"path": "/klant/jorindev77"}}}
    raw = b"\n".join([b'{"event_id":"' + b"9" * 32 + b'"}', b'{"type":"event"}', json.dumps(event).encode()])
    out = (await redact(sentry.decode(raw, {}, {}, LIMIT))).decode()
    for value in ("Quendtaert", "Vaskebruin", "Hobbelsteyn", "Zoltrien", "Quenouillere", "jorindev"):
        assert value not in out, value
    [(_, sent)] = read_envelope(out.encode())[1]
    sent = json.loads(sent)["extra"]["validation"]
    assert sent["details"][0]["message"] == errors["details"][0]["message"]  # it quotes the field's name
    assert sent["errors"][0]["instancePath"] == "/klant/achternaam" and sent["issues"][0]["input"].startswith("groeten van")


async def test_a_field_value_pair_gives_its_value_the_meaning_of_the_field_it_names(redact):
    """An app that keeps its form as a list of field/value pairs ({"veld": "achternaam", "waarde": …})
    names what the value is in a sibling key, in the visitor's language too: a lone surname there has
    nothing else to say it is one (round 8 of the peers' held-out hunt). A field that names a thing
    keeps its value readable, and so do OpenTelemetry's {"key", "value"} attributes naming software."""
    fields = [{"veld": "achternaam", "waarde": "Quendtaert"}, {"champ": "nom_de_famille", "valeur": "Vaskebruin"},
              {"feld": "nachname", "wert": "Hobbelsteyn"}, {"veld": "cursus", "waarde": "Frans B1 Avondcursus"},
              {"key": "os.name", "value": {"stringValue": "Linux"}}]
    raw = posthog_body(capture_batch([analytics_event("inschrijving", velden=fields)]))
    sent = unframe(await redact(posthog.decode(raw, {}, LIMIT)))["batch"][0]["properties"]["velden"]
    for name in ("Quendtaert", "Vaskebruin", "Hobbelsteyn"):
        assert name not in json.dumps(sent), name
    assert [f.get("veld", f.get("champ", f.get("feld"))) for f in sent[:4]] == \
        ["achternaam", "nom_de_famille", "nachname", "cursus"]
    assert sent[3]["waarde"] == "Frans B1 Avondcursus" and sent[4]["value"] == {"stringValue": "Linux"}


async def test_sentrys_own_span_attributes_pass_with_the_shapes_the_sdk_gives_them(redact):
    """A span's attributes that @sentry/browser fills with its own facts (OpenTelemetry's and Sentry's
    conventions: network.protocol.name "http", server.address "host:port", thread.name "main",
    sentry.replay_id) pass when they have the shape the SDK gives them: read by their keys' words
    they were a person's name and a postal address, masked, and their values tainted the session, so
    "http" and the page's host were masked in every URL and operation ("sentry.op": "http.client").
    A product's name under a key in another language ("produkt.name") is a thing's. The same keys
    holding anything else, and the app's own attributes, are scanned."""
    trace, replay = "2355b44d98bc41c780259f8976c00a0b", "3f9c2a71d04b4e8fa6c1b9e27d5a8c40"
    own = {"sentry.op": "http.client", "sentry.origin": "auto.http.browser", "network.protocol.name": "http",
           "network.protocol.version": "1.1", "url.scheme": "http", "server.address": "app.test:43123",
           "url.full": "http://app.test:43123/api/mieten?kategorie=lastenrad", "thread.name": "main",
           "code.function.name": "HTMLButtonElement.onclick", "sentry.replay_id": replay,
           "sentry.previous_trace": f"{trace}-ab2bcc13b23717dc-1", "produkt.name": "E-Lastenrad Ardennes 500"}
    theirs = {"kunde.email": HELD_EMAIL, "user.name": HELD_USER, "thread.name": HELD_NAME, f"mail.{HELD_EMAIL}": 1}
    spans = {"version": 2, "items": [
        {"name": "POST app.test", "span_id": "ab2bcc13b23717dc", "trace_id": trace, "status": "ok",
         "attributes": {k: {"value": v, "type": "string"} for k, v in own.items()}},
        {"name": "warenkorb", "span_id": "ab2bcc13b23717dd", "trace_id": trace, "status": "ok",
         "attributes": {k: {"value": v, "type": "string"} for k, v in theirs.items()}}]}
    # an SDK before 11 sends a transaction: its spans' and its root span's attributes are their `data`
    transaction = {"type": "transaction", "transaction": "/verleih", "event_id": "9" * 32,
                   "contexts": {"trace": {"trace_id": trace, "span_id": "ab2bcc13b23717de", "op": "pageload",
                                          "data": dict(own)}},
                   "spans": [{"op": "http.client", "span_id": "ab2bcc13b23717df", "data": dict(own)},
                             {"op": "ui.action", "span_id": "ab2bcc13b23717e0", "data": dict(theirs)}]}
    raw = b"\n".join([b'{"event_id":"' + b"9" * 32 + b'"}',
                      b'{"type":"span","item_count":2,"content_type":"application/vnd.sentry.items.span.v2+json"}',
                      json.dumps(spans).encode(), b'{"type":"transaction"}', json.dumps(transaction).encode()])
    out = (await redact(sentry.decode(raw, {}, {}, LIMIT))).decode()
    for value in (HELD_EMAIL, HELD_USER, "Tjallingsma"):
        assert value not in out
    [(_, sent), (_, sent_transaction)] = read_envelope(out.encode())[1]
    kept, scanned = json.loads(sent)["items"]
    assert {k: v["value"] for k, v in kept["attributes"].items()} == own
    assert len(scanned["attributes"]) == len(theirs)  # a key holding an e-mail is renamed, not doubled
    sent_transaction = json.loads(sent_transaction)
    assert sent_transaction["contexts"]["trace"]["data"] == own and sent_transaction["spans"][0]["data"] == own
    assert len(sent_transaction["spans"][1]["data"]) == len(theirs)


async def test_only_the_value_and_type_of_an_sdk_attribute_pass(redact):
    """An attribute under one of the SDK's own keys, its value in the SDK's shape, may hold more beside
    its value and type (a site's setAttribute writes anything): every other key of its object is scanned,
    on a span and on a log; the SDK's value and type still pass."""
    trace = "2355b44d98bc41c780259f8976c00a0b"
    spans = {"items": [{"name": "checkout", "span_id": "ab2bcc13b23717dc", "trace_id": trace, "status": "ok",
                        "attributes": {"thread.name": {"value": "main", "type": "string", "note": HELD_EMAIL},
                                       "sentry.op": {"value": "ui.action", "type": "string", "unit": HELD_PHONE}}}]}
    logs = {"items": [{"timestamp": 1.0, "trace_id": trace, "level": "info", "body": "ok",
                       "attributes": {"browser.name": {"value": "Chrome", "type": HELD_IBAN}}}]}
    raw = b"\n".join([b'{"event_id":"' + b"9" * 32 + b'"}', b'{"type":"span","item_count":1}', json.dumps(spans).encode(),
                      b'{"type":"log","item_count":1}', json.dumps(logs).encode()])
    out = (await redact(sentry.decode(raw, {}, {}, LIMIT))).decode()
    for value in (HELD_EMAIL, HELD_PHONE, "2957 3108", HELD_IBAN, "7390 1234"):
        assert value not in out, value
    [(_, sent_spans), (_, sent_logs)] = read_envelope(out.encode())[1]
    attributes = json.loads(sent_spans)["items"][0]["attributes"]
    assert attributes["thread.name"]["value"] == "main" and attributes["sentry.op"]["value"] == "ui.action"
    assert attributes["thread.name"]["type"] == "string" and len(attributes["thread.name"]) == 3
    assert json.loads(sent_logs)["items"][0]["attributes"]["browser.name"]["value"] == "Chrome"


async def test_a_sentry_key_holding_an_e_mail_is_renamed_not_left_beside_its_new_name(redact):
    """A context named by the visitor (Sentry.setContext(email, …)), a key of the trace context, of
    the user or of the envelope header's trace holding an e-mail: each view's keys are the ones it
    had when it was made, so the key the scan renamed is taken out of its object when the view is
    written back (it stayed beside its masked name)."""
    trace = "2355b44d98bc41c780259f8976c00a0b"
    event = {"event_id": "9" * 32, "level": "error", "user": {HELD_EMAIL: "a"},
             "contexts": {HELD_EMAIL: {"x": 1}, "trace": {"trace_id": trace, HELD_EMAIL: 2}}}
    header = {"event_id": "9" * 32, "trace": {"trace_id": trace, HELD_EMAIL: "x"}}
    raw = b"\n".join([json.dumps(header).encode(), b'{"type":"event"}', json.dumps(event).encode()])
    out = (await redact(sentry.decode(raw, {}, {}, LIMIT))).decode()
    assert HELD_EMAIL not in out and "tjallingsma" not in out
    sent_header, [(_, sent)] = read_envelope(out.encode())
    sent = json.loads(sent)
    assert len(sent["contexts"]) == 2 and len(sent["contexts"]["trace"]) == 2 and len(sent["user"]) == 1
    assert len(sent_header["trace"]) == 2 and sent["contexts"]["trace"]["trace_id"] == trace


async def test_a_parcel_lockers_pickup_code_under_its_key_is_masked(redact):
    """Held-out peers round 10: the code that opens a parcel locker ("code_retrait": "4829-7316"), whoever
    holds it takes the parcel, under its key in a capture's properties and in the API's answer a recording's
    network details hold (a JSON string): masked as a secret; a promo code and a product code under theirs are
    kept."""
    code = "4829-7316"
    answer = json.dumps({"reference": "RD-73150", "code_retrait": code, "ophaalcode": code})
    event = analytics_event("redirection", code_retrait=code, pickupCode=code, code_promo="ZOMER25", produit="CS-2040")
    raw = posthog_body(capture_batch([event]))
    properties = unframe(await redact(posthog.decode(raw, {}, LIMIT)))["batch"][0]["properties"]
    network = posthog_network(request("https://shop.example/api/redirection", responseBody=answer))
    raw = posthog_body([snapshot_event([meta(), network], compress=False)])
    [kept] = unframe(await redact(posthog.decode(raw, {}, LIMIT)))[0]["properties"]["$snapshot_data"][1]["data"][
        "payload"]["requests"]
    written = json.dumps(properties) + kept["responseBody"]
    assert "4829" not in written and "7316" not in written, written
    assert (properties["code_promo"], properties["produit"]) == ("ZOMER25", "CS-2040"), properties
    assert json.loads(kept["responseBody"])["reference"] == "RD-73150"


async def test_a_door_code_under_its_key_is_masked(redact):
    """Held-out peers round 11: the code that opens the visitor's building ("digicode": "A2749B", a home
    visit's), whoever holds it gets in, under its key in a capture's properties and a Sentry context: masked as
    a secret, as a door's, a gate's or an alarm's code is under its words in en/nl/fr/de; a promo code and the
    site's section under theirs are kept."""
    code = "A2749B"
    event = analytics_event("inscription", digicode=code, codeAcces=code, toegangscode=code, door_code=code,
                            code_promo="RENTREE25", section="Section des Grands")
    properties = unframe(await redact(posthog.decode(posthog_body(capture_batch([event])), {}, LIMIT)))["batch"][0][
        "properties"]
    envelope = b"\n".join([json.dumps({"event_id": "9" * 32}).encode(), b'{"type":"event"}', json.dumps({
        "event_id": "9" * 32, "level": "info", "message": "visite",
        "contexts": {"visite": {"digicode": code, "section": "Section des Grands"}}}).encode()])
    _, [(_, sent)] = read_envelope(await redact(sentry.decode(envelope, {}, {}, LIMIT)))
    assert code not in json.dumps(properties) and code not in sent.decode(), (properties, sent)
    assert (properties["code_promo"], properties["section"]) == ("RENTREE25", "Section des Grands"), properties
    assert json.loads(sent)["contexts"]["visite"]["section"] == "Section des Grands"


async def test_a_padlocks_or_a_lockers_combination_under_its_key_is_masked(redact):
    """Held-out peers round 13: the combination of the padlock a club gives its member for her locker
    ("cadenas": "31-17-05", the API's answer both SDKs recorded; "combinaison_cadenas" in a capture and a Sentry
    context), whoever holds it opens the locker: masked as a secret under a padlock's, a combination lock's or a
    safe's words in en/nl/fr/de, as a door's code is; the locker's number and the membership under theirs are kept."""
    code = "31-17-05"
    event = analytics_event("confirmee", cadenas=code, combinaison_cadenas=code, hangslot=code, padlock_code=code,
                            lock_combination=code, zahlenschloss=code, kluiscode=code, casier="12",
                            formule="Formule Duo Soir\u00e9e")
    properties = unframe(await redact(posthog.decode(posthog_body(capture_batch([event])), {}, LIMIT)))["batch"][0][
        "properties"]
    envelope = b"\n".join([json.dumps({"event_id": "9" * 32}).encode(), b'{"type":"event"}', json.dumps({
        "event_id": "9" * 32, "level": "info", "message": "vestiaire",
        "contexts": {"vestiaire": {"casier": "12", "combinaison_cadenas": code}}}).encode()])
    _, [(_, sent)] = read_envelope(await redact(sentry.decode(envelope, {}, {}, LIMIT)))
    assert code not in json.dumps(properties) and code not in sent.decode(), (properties, sent)
    assert (properties["casier"], properties["formule"]) == ("12", "Formule Duo Soir\u00e9e"), properties
    assert json.loads(sent)["contexts"]["vestiaire"]["casier"] == "12"


async def test_the_visitors_position_under_its_keys_is_masked(redact):
    """Held-out peers round 10b: the browser's geolocation as an app sends it to find the lockers near the
    visitor, latitude and longitude as JSON numbers (a capture's property, a Sentry context) and as the query
    of the API's request (a recording's network details, Sentry's fetch breadcrumb): masked under their keys
    and parameter names; the fix's accuracy, the page's own zone and the SDK's numbers are kept."""
    url = "https://app.test/api/consignes?lat=50.645138&lng=5.573421&zone=centre"
    event = analytics_event("consignes_proches", position={"latitude": 50.645138, "longitude": 5.573421, "accuracy": 12},
                            **{"$current_url": url, "$viewport_height": 800, "zone": "centre"})
    properties = unframe(await redact(posthog.decode(posthog_body(capture_batch([event])), {}, LIMIT)))["batch"][0][
        "properties"]
    network = posthog_network(request(url, method="GET"))
    raw = posthog_body([snapshot_event([meta(), network], compress=False)])
    [kept] = unframe(await redact(posthog.decode(raw, {}, LIMIT)))[0]["properties"]["$snapshot_data"][1]["data"][
        "payload"]["requests"]
    error = {"event_id": "9" * 32, "level": "error", "contexts": {"position": {"latitude": 50.645138, "longitude": 5.573421}},
             "breadcrumbs": [{"category": "fetch", "data": {"method": "GET", "url": url[len("https://app.test"):]}}]}
    raw = b"\n".join([b'{"event_id":"' + b"9" * 32 + b'"}', b'{"type":"event"}', json.dumps(error).encode()])
    [(_, sent)] = read_envelope(await redact(sentry.decode(raw, {}, {}, LIMIT)))[1]
    written = json.dumps(properties) + kept["name"] + sent.decode()
    assert "645138" not in written and "573421" not in written, written
    assert properties["position"]["accuracy"] == 12 and properties["$viewport_height"] == 800, properties
    assert properties["zone"] == "centre" and kept["name"].endswith("&zone=centre"), kept


async def test_two_factor_backup_codes_under_their_key_are_masked(redact):
    """Held-out peers round 14: the codes a two-factor enrolment gives to log in without the phone ("backup_codes":
    ["7302-4619", …] in a capture, "recovery_codes" in a Sentry breadcrumb's data), whoever holds one logs in:
    masked as secrets under their key in en/nl/de/fr; the plan beside them is kept. Written in a string after their
    words, every code of the list (review 19 F6: the collector kept them all)."""
    codes = ["7302-4619", "5581-0376"]
    event = analytics_event("member_joined", backup_codes=codes, recoveryCodes=codes, herstelcodes=codes,
                            wiederherstellungscodes=codes, codes_de_secours=codes, plan="Fixed Desk Plus",
                            msg=f"Recovery codes: {codes[0]} {codes[1]}")
    properties = unframe(await redact(posthog.decode(posthog_body(capture_batch([event])), {}, LIMIT)))["batch"][0][
        "properties"]
    envelope = b"\n".join([json.dumps({"event_id": "9" * 32}).encode(), b'{"type":"event"}', json.dumps({
        "event_id": "9" * 32, "level": "info", "message": "enrolled",
        "breadcrumbs": [{"category": "security", "message": "two-factor enrolled",
                         "data": {"recovery_codes": codes, "plan": "Fixed Desk Plus"}}]}).encode()])
    _, [(_, sent)] = read_envelope(await redact(sentry.decode(envelope, {}, {}, LIMIT)))
    plain = json.dumps(properties) + sent.decode()
    assert not any(window in plain for code in codes for window in (code, code[:6], code[-6:])), (properties, sent)
    assert properties["plan"] == "Fixed Desk Plus", properties
    assert json.loads(sent)["breadcrumbs"][0]["data"]["plan"] == "Fixed Desk Plus"


async def test_a_replays_resource_url_keeps_a_things_name_under_a_parameter_that_names_a_thing(redact):
    """Held-out peers round 14: a live feed opened at "/api/feed?plan=Fixed%20Desk%20Plus" (an EventSource: a
    resource's span in Sentry's replay) had its plan masked as a name by its shape (three capitalised words on no
    list), and the plan's words then masked in the whole replay ("booked **** 12 (***** **** ****)"). A parameter
    whose name says a thing ("plan", "product", rules/fields.yaml not_with) keeps the value's shape from saying a
    person; one that says nothing still does ("?klant=Zorbalie+Quendt")."""
    feed = element("ul", {})
    booked = element("li", {}, [text("Front desk booked desk 12 (Fixed Desk Plus)")])
    events = [meta(), snapshot(html_page(feed)), mutation(adds=[add(feed["id"], booked)])]
    for url in ("https://cowork.example/api/feed?plan=Fixed%20Desk%20Plus",
                "https://cowork.example/api/feed?klant=Zorbalie+Quendt"):
        events.append(custom("performanceSpan", {"op": "resource.other", "description": url, "startTimestamp": 1.0,
                                                 "endTimestamp": 2.0, "data": {"size": 10}}))
    _, items = read_envelope(await redact(sentry.decode(sentry_envelope("9" * 32, events), {}, {}, LIMIT)))
    plain = json.dumps(recording_events(items[1][1])[1])
    assert "Front desk booked desk 12 (Fixed Desk Plus)" in plain and "plan=Fixed%20Desk%20Plus" in plain, plain
    assert "Zorbalie" not in plain and "Quendt" not in plain


async def test_a_secrets_code_under_its_key_is_remembered_and_its_echoes_masked(detector):
    """Held-out peers round 15: a marina's answer gave the pontoon gate's code under "gate_code", masked there, and the
    page put it in a chat link's text ("https://wa.me/…?text=Berth C-14, gate 739154": the link's href in the
    recording, PostHog's $elements_chain), where nothing says it is a code. A secret's value that is a code (one word
    with a digit) is remembered for the session as a name is, and masked where it is echoed; a plain word under a
    secret's key ("card": "Visa") is not, and the site's "Visa" stays."""
    link = element("a", {"href": "#"}, [text("Send the berth to my WhatsApp")], id=71)
    page = html_page(element("p", {}, [link, text("We take Visa and Bancontact", id=73)], id=70))
    answer = custom("berth", {"berth": "C-14", "gate_code": "739154", "card": "Visa"})
    later = [mutation(attributes=[set_attributes(71, href="https://wa.me/351000000000?text=Berth%20C-14%2C%20gate"
                                                          "%20739154")]),
             console_log("gate 739154 opened for C-14")]
    first, after = await redact_session(detector, [meta(), snapshot(page), answer], later)
    plain = json.dumps(first, ensure_ascii=False) + json.dumps(after, ensure_ascii=False)
    assert "739154" not in plain, plain
    assert "We take Visa and Bancontact" in plain and "C-14" in json.dumps(after), plain


async def test_a_visitors_own_countrys_number_under_its_key_is_masked(redact):
    """Held-out peers round 15: posthog-js registered the crew as a super property ({"crew": [{"name", "amka",
    "phone"}]}), and an event carrying it reached /e/ before the recording that taught the typed values: the Greek
    AMKA under "amka" was stored, eleven digits nothing else says are one. A key naming Greece's AMKA, Portugal's
    NIF or citizen card says what its value is, as "bsn" does; the berth beside them is kept."""
    crew = [{"name": "Stavros", "amka": "23077641209", "nif": "273185942", "cartao_de_cidadao": "14372819 0 ZX6",
             "berth": "C-14"}]
    event = analytics_event("berth_booked", crew=crew)
    properties = unframe(await redact(posthog.decode(posthog_body(capture_batch([event])), {}, LIMIT)))["batch"][0][
        "properties"]
    plain = json.dumps(properties)
    assert "23077641209" not in plain and "273185942" not in plain and "14372819" not in plain, properties
    assert properties["crew"][0]["berth"] == "C-14", properties


async def test_a_nordic_personal_number_and_a_tickets_barcode_under_their_keys_are_masked(redact):
    """Held-out peers round 16: posthog-js sent identify's {"kennitala": "120389-2039"} in /flags' person properties
    before the recording that taught the typed value, and a ticket resale's answer gave the ticket's barcode under
    "barcode" (a capture's property, a Sentry event's extra, the QR image's ?barcode=), whoever holds it gets in. A key
    naming a Nordic country's personal number says what its value is, glued digits included; a barcode's key says a
    secret's; the product and the reference beside them are kept."""
    numbers = {"kennitala": "1203892039", "cpr": "0307912758", "personnummer": "8803200016",
               "fodselsnummer": "15068512345"}
    qr = "https://tix.example/api/qr.svg?barcode=GOA7Q2XKM9P4TZ&size=80"
    event = analytics_event("ticket_listed", barcode="GOA7Q2XKM9P4TZ", qr=qr, product="Friday Day Ticket",
                            reference="GOA-72815", seller=numbers)
    properties = unframe(await redact(posthog.decode(posthog_body(capture_batch([event])), {}, LIMIT)))["batch"][0][
        "properties"]
    envelope = b"\n".join([json.dumps({"event_id": "9" * 32}).encode(), b'{"type":"event"}', json.dumps({
        "event_id": "9" * 32, "level": "info", "message": "listing created",
        "extra": {"barcode": "GOA7Q2XKM9P4TZ", "reference": "GOA-72815"}}).encode()])
    _, [(_, sent)] = read_envelope(await redact(sentry.decode(envelope, {}, {}, LIMIT)))
    plain = json.dumps(properties) + sent.decode()
    assert "GOA7Q2XKM9P4TZ" not in plain and not any(value[:6] in plain for value in numbers.values()), plain
    assert (properties["product"], properties["reference"]) == ("Friday Day Ticket", "GOA-72815"), properties
    assert properties["qr"].endswith("&size=80") and json.loads(sent)["extra"]["reference"] == "GOA-72815"


async def test_a_password_and_personal_numbers_under_keys_in_a_visitors_own_language_are_masked(redact):
    """Held-out peers round 17: a pet lodge's capture sent the sitter {"rc": "905725/3007", "heslo": "Vltava!Kos88"}
    (a Czech birth number, and Czech for password) to /e/ before the recording that taught the typed values, a Sentry
    log carried the sitter as a JSON string, and the microchip registry's answer gave the breeder's Lithuanian personal
    code under "asmens_kodas" (never typed): all were stored. A password's key in the visitor's language is a secret's
    key, a birth number with its slash is one wherever it is, and a key naming a personal code says what its value is;
    the product and the chip's number beside them are kept."""
    sitter = {"rc": "905725/3007", "heslo": "Vltava!Kos88", "haslo": "Wisla#2024x", "parola": "Carpati!77"}
    chip = {"number": "MC-4471", "asmens_kodas": "48807151273", "cnp": "2870312403181"}
    event = analytics_event("booking_confirmed", product="Deluxe Kennel Suite", sitter=sitter, chip=chip)
    properties = unframe(await redact(posthog.decode(posthog_body(capture_batch([event])), {}, LIMIT)))["batch"][0][
        "properties"]
    log = {"version": 2, "items": [{"timestamp": 1796210235.63, "level": "info", "trace_id": "2355b44d98bc41c780259f8976c00a0b",
                                    "body": "booking confirmed", "severity_number": 9,
                                    "attributes": {"sitter": {"value": json.dumps(sitter), "type": "string"},
                                                   "product": {"value": "Deluxe Kennel Suite", "type": "string"}}}]}
    raw = b"\n".join([b'{}', b'{"type":"log","item_count":1,"content_type":"application/vnd.sentry.items.log+json"}',
                      json.dumps(log).encode()])
    _, [(_, sent_log)] = read_envelope(await redact(sentry.decode(raw, {}, {}, LIMIT)))
    plain = json.dumps(properties) + sent_log.decode()
    secrets = [*sitter.values(), chip["asmens_kodas"], chip["cnp"]]
    assert not any(value[:6] in plain or value[-6:] in plain for value in secrets), plain
    assert (properties["product"], properties["chip"]["number"]) == ("Deluxe Kennel Suite", "MC-4471"), properties
    [entry] = json.loads(sent_log)["items"]
    assert entry["attributes"]["product"] == {"value": "Deluxe Kennel Suite", "type": "string"}, entry



async def test_indian_numbers_and_an_introducer_under_their_keys_are_masked(redact):
    """Held-out peers round 18: posthog-js sent identify's $set_once {"aadhaar": "482915736205"} (glued, as the page
    sent it) in /flags' person properties before the recording that taught the typed value, and a diamond dealer's
    answer named who introduced the buyer under "introducer" (never typed), an object holding his name in Ge'ez letters
    beside its Latin spelling: all were stored. Keys naming India's Aadhaar and a firm's GST number say what their
    values are, and "introducer" is a role a key names alone, as "beneficiary" is (rules/fields.yaml roles); the stone
    and the reference beside them are kept."""
    introducer = {"name": "Tesfaye Gebremedhin", "native": "ተስፋይ ገብረመድህን", "phone": "+291 7 184 532"}
    event = analytics_event("kyc_submitted", stone="Round Brilliant 1.02 ct F VS1", reference="SB-KYC-ANT",
                            aadhaar="482915736205", gstin="27AFZPJ4127K1ZU", introducer=introducer,
                            broker={"introducer": "Tesfaye Gebremedhin"})
    properties = unframe(await redact(posthog.decode(posthog_body(capture_batch([event])), {}, LIMIT)))["batch"][0][
        "properties"]
    plain = json.dumps(properties, ensure_ascii=False)
    assert not any(value[:6] in plain or value[-6:] in plain for value in
                   ("482915736205", "27AFZPJ4127K1ZU", *introducer.values())), plain
    assert (properties["stone"], properties["reference"]) == ("Round Brilliant 1.02 ct F VS1", "SB-KYC-ANT"), properties

async def test_the_user_sentry_copies_onto_logs_and_metrics_is_pseudonymised_as_the_events_user(redact):
    """Held-out peers round 16: setUser({id: <a kennitala>, …}) with sendDefaultPii, and @sentry/browser 11 copied the id
    onto every log and metric as the attribute "user.id" ({value, type}), scanned there as the app's attributes are:
    an id no detector knows was stored. The user.* attributes are Sentry's person, as an event's `user`: pseudonymised
    to the same pseudonym, an opaque id kept. And a number masked under a secret's key is a string whose type says so,
    its `type` never masked with it ({"value": "****", "type": "******"} was sent)."""
    def attributes(**values) -> dict:
        return {k: {"value": v, "type": "integer" if isinstance(v, int) else "string"} for k, v in values.items()}
    user = {"id": "120389-2039", "email": "gudrun.thorhalls@simnet-vefpostur.is", "username": "Gudrun"}
    event = {"event_id": "9" * 32, "level": "info", "message": "listing created", "user": user}
    log = {"version": 2, "items": [{"timestamp": 1796210235.63, "level": "info", "trace_id": "2355b44d98bc41c780259f8976c00a0b",
                                    "body": "listing created", "severity_number": 9,
                                    "attributes": attributes(**{"user.id": user["id"], "user.email": user["email"],
                                                                "user.name": user["username"], "pin": 4821,
                                                                "product": "Friday Day Ticket"})}]}
    metric = {"version": 2, "items": [{"timestamp": 1796210235.64, "trace_id": "2355b44d98bc41c780259f8976c00a0b",
                                       "name": "ui.element.render_time", "type": "distribution", "value": 12.5,
                                       "attributes": attributes(**{"user.id": "4711", "product": "Friday Day Ticket"})}]}
    raw = b"\n".join([b'{"event_id":"' + b"9" * 32 + b'"}', b'{"type":"event"}', json.dumps(event).encode(),
                      b'{"type":"log","item_count":1,"content_type":"application/vnd.sentry.items.log+json"}',
                      json.dumps(log).encode(),
                      b'{"type":"trace_metric","item_count":1}', json.dumps(metric).encode()])
    out = await redact(sentry.decode(raw, {}, {}, LIMIT))
    assert "120389" not in out.decode() and "2039" not in out.decode() and "simnet" not in out.decode(), out
    [(_, sent_event), (_, sent_log), (_, sent_metric)] = read_envelope(out)[1]
    sent_user = json.loads(sent_event)["user"]
    [entry] = json.loads(sent_log)["items"]
    assert entry["attributes"]["user.id"] == {"value": sent_user["id"], "type": "string"}, (entry, sent_user)
    assert entry["attributes"]["user.email"]["value"] == sent_user["email"]
    assert entry["attributes"]["pin"]["type"] == "string" and "4821" not in json.dumps(entry)
    assert entry["attributes"]["product"] == {"value": "Friday Day Ticket", "type": "string"}
    [measured] = json.loads(sent_metric)["items"]
    assert measured["attributes"]["user.id"] == {"value": "4711", "type": "string"}, measured


async def test_a_tokens_key_in_a_header_is_no_part_of_the_token_nor_remembered(redact):
    """Held-out peers round 16: @sentry/browser merges its entries into the W3C baggage header a site's tracing sends
    ("sentry-trace_id=<hex>,sentry-replay_id=<hex>,sentry-sample_rand=0.86…,customer.email=…"), and its HTTP client
    error event carries the header. Each "key=value" was one random-looking run, masked whole as a credential and
    remembered: its words then masked the SDK's name ("sentry.javascript.browser"), the page's own ?sdk=sentry and
    every "Replay" after. A pair's key is no part of the token: the value alone is masked and remembered; the e-mail
    in the header is still masked."""
    baggage = ("sentry-environment=production,sentry-trace_id=02e2a1667d0440a18d80135d9ac475fa,"
               "sentry-replay_id=64e57231db974246a76e22c4c50735d8,sentry-sampled=true,"
               "sentry-sample_rand=0.864299594127823,customer.email=gudrun.thorhalls%40simnet-vefpostur.is")
    error = {"event_id": "8" * 32, "level": "error", "exception": {"values": [{"type": "Error", "value": "failed"}]},
             "request": {"url": "http://app.test/api/transfer/GOA-72815", "method": "POST", "headers": {"baggage": baggage}}}
    claimed = {"event_id": "9" * 32, "level": "info", "message": "ticket claimed",
               "request": {"url": "http://app.test/resale/heldout16.html?sdk=sentry&edition=2027"},
               "sdk": {"name": "sentry.javascript.browser", "version": "11.12.0",
                       "integrations": ["BrowserTracing", "Replay"]}}
    raw = b"\n".join([b'{"event_id":"' + b"8" * 32 + b'"}', b'{"type":"event"}', json.dumps(error).encode(),
                      b'{"type":"event"}', json.dumps(claimed).encode()])
    [(_, sent_error), (_, sent_claimed)] = read_envelope(await redact(sentry.decode(raw, {}, {}, LIMIT)))[1]
    header = json.loads(sent_error)["request"]["headers"]["baggage"]
    assert "simnet" not in header and "gudrun" not in header, header
    after = json.loads(sent_claimed)
    assert after["request"]["url"].endswith("?sdk=sentry&edition=2027"), after
    assert after["sdk"]["name"] == "sentry.javascript.browser" and after["sdk"]["integrations"][1] == "Replay", after


async def test_a_value_masked_for_its_parents_key_is_not_remembered_when_the_site_wrote_it(detector):
    """Held-out peers round 16: a festival assistant's answer named the buyer it looked up, {"holder": {"name": …,
    "cpr": …, "ticket": "Friday Day Ticket"}}: under a person's key, the ticket's value took the person's meaning,
    masked (fail closed) and remembered as a name, whose words then masked every "ticket" after ("****** claimed", the
    page's own product). A value masked for its parent's key is remembered unless the site wrote it (a product the page
    shows); a name there the site never wrote still is."""
    page = html_page(element("ul", {}, [element("li", {}, [text("Friday Day Ticket")], id=41)], id=40))
    answer = json.dumps({"holder": {"name": "Søren Brøndum Kjærgaard", "ticket": "Friday Day Ticket",
                                    "partner": "Zorbalie Quendt"}})
    body = posthog_network(request("https://shop.example/api/assistant", requestBody="{}", responseBody=answer))
    later = [console_log("ticket claimed by quendt"), custom("claimed", {"product": "Friday Day Ticket"})]
    _, [sent], after = await redact_session(detector, [meta(), snapshot(page)], [body], later)
    sent_answer = sent["data"]["payload"]["requests"][0]["responseBody"]
    assert "Søren" not in sent_answer and "Quendt" not in sent_answer, sent_answer
    plain = json.dumps(after, ensure_ascii=False)
    assert "ticket claimed by " in plain and "quendt" not in plain, plain
    assert after[1]["data"]["payload"]["product"] == "Friday Day Ticket", plain


async def test_posthogs_own_session_keys_are_no_secrets_and_a_visitors_session_key_is(redact):
    """Keys compared as their plain words made PostHog's "$session_id" and "$session_entry_url" read as "session…",
    a secret's: masked whole and remembered, they masked the page's host and paths in every event after (stop 33's
    fresh-clone CI: three PostHog tests). An SDK's own key keeps its "$"; a visitor's "session" key is a secret."""
    entry = "http://winkel.example:8080/fietsen/bakfiets.html?kleur=groen"
    event = analytics_event("$pageview", **{"$session_entry_url": entry, "$current_url": entry,
                                            "checkout": {"session": "c2Vzc2lvbi1zZWNyZXQtOTk0Mg"}})
    properties = unframe(await redact(posthog.decode(posthog_body(capture_batch([event])), {}, LIMIT)))["batch"][0][
        "properties"]
    assert properties["$session_id"] == "0193-session", properties
    assert properties["$session_entry_url"] == entry and properties["$current_url"] == entry, properties
    assert "c2Vzc2lvbi1zZWNyZXQtOTk0Mg" not in json.dumps(properties), properties


async def test_a_login_and_a_form_under_italian_spanish_portuguese_greek_or_cyrillic_keys_are_masked(redact):
    """Review 20 F10: a login's body in the recording's network events ({"senha": …}, "contrase%C3%B1a=…") kept its
    password, secret_keys knowing no word for it but en/nl/fr/de's (and comparing "contraseña" with its accent); a
    form's phone under "cellulare" or "móvil" (a national mobile without "+"), a name under "nombre", "όνομα",
    "фамилия", "vezetéknév", a DNI, a citizen card, an address under "morada", a postcode under "cap" passed as
    text. A French count under "nombre_articles" and a search's "palabra_clave" stay readable."""
    login = posthog_network(
        request("https://shop.example/api/entrar", requestBody=json.dumps({"email": "x@y.pt", "senha": "Pardal#Tejo"})),
        request("https://shop.example/api/login", requestBody="usuario=itziar&contrase%C3%B1a=Bidasoa-Hendaia&lang=es"))
    form = analytics_event("form_sent", **{
        "clave": "levante", "Parola_d_ordine": "maestrale", "cellulare": "3389876543", "móvil": "698765432",
        "telemovel": "936543210", "nombre": "itziar", "dni": "87654321x", "cartao_cidadao": "198765432zx4",
        "morada": "travessa do carmo 7", "cap": "20145", "όνομα": "δημήτρης", "Фамилия": "шевченко",
        "vezetéknév": "szabóné", "nombre_articles": 3, "palabra_clave": "zapatillas"})
    out = unframe(await redact(posthog.decode(posthog_body([snapshot_event([meta(), login], compress=False), form]),
                                              {}, LIMIT)))
    plain = json.dumps(out, ensure_ascii=False)
    for value in ("Pardal#Tejo", "Bidasoa-Hendaia", "levante", "maestrale", "3389876543", "698765432", "936543210",
                  "itziar", "87654321", "198765432", "carmo", "20145", "δημήτρης", "шевченко", "szabóné"):
        assert value not in plain, value
    properties = out[1]["properties"]
    assert properties["nombre_articles"] == 3 and properties["palabra_clave"] == "zapatillas", properties
    bodies = [r["requestBody"] for r in out[0]["properties"]["$snapshot_data"][1]["data"]["payload"]["requests"]]
    assert bodies[1].startswith("usuario=") and bodies[1].endswith("&lang=es"), bodies


def console_call(*arguments: object) -> dict:
    """posthog-js's console plugin: each argument of console.log(…) JSON-stringified."""
    return {"type": 6, "data": {"plugin": "rrweb/console@1", "payload": {
        "level": "log", "payload": [json.dumps(a) for a in arguments], "trace": []}}, "timestamp": 1}


async def test_a_formats_arguments_are_read_in_the_line_their_template_makes(redact):
    """Review 23 F4 and F8: a console call's arguments and a log's parameters were judged alone, one word each, which
    neither a label nor a detector reads: console.log("familienaam: %s", v), console.log("voornaam:", v), Sentry's
    logentry {"message": "Klant familienaam=%s", "params": [v]} and a Sentry log's sentry.message.parameter.N kept
    the surname the same line written out masks. The template is filled with its arguments (the rest after a space,
    as a console writes them) and read as that line: what is found across an argument masks it whole. Arguments
    nothing names stay."""
    calls = [("familienaam: %s", "Wuyts-Adriaensens"), ("voornaam:", "Gaëlle"), ("stap %s van %s", 3, 5),
             ("korting:", "WINTER25")]
    recorded = unframe(await redact(posthog.decode(posthog_body([snapshot_event(
        [meta(), *(console_call(*call) for call in calls)], compress=False)]), {}, LIMIT)))[0]["properties"]
    console = [[json.loads(a) for a in e["data"]["payload"]["payload"]] for e in recorded["$snapshot_data"][1:]]
    assert [arguments[1:] for arguments in console] == [["*" * 17], ["******"], [3, 5], ["WINTER25"]], console
    event = {"logentry": {"message": "Klant familienaam=%s, stap %s", "params": ["Wuyts-Adriaensens", "2"]}}
    log = {"items": [{"timestamp": 1.0, "trace_id": "ab" * 16, "level": "info", "body": "Klant",
                      "attributes": {"sentry.message.template": {"value": "Klant familienaam=%s stap %s", "type": "string"},
                                     "sentry.message.parameter.0": {"value": "Wuyts-Adriaensens", "type": "string"},
                                     "sentry.message.parameter.1": {"value": 2, "type": "integer"}}}]}
    raw = b"\n".join([b'{"event_id":"' + b"9" * 32 + b'"}', b'{"type":"event"}', json.dumps(event).encode(),
                      b'{"type":"log","item_count":1}', json.dumps(log).encode()])
    [(_, sent_event), (_, sent_log)] = read_envelope(await redact(sentry.decode(raw, {}, {}, LIMIT)))[1]
    assert json.loads(sent_event)["logentry"]["params"] == ["*" * 17, "2"], sent_event
    attributes = json.loads(sent_log)["items"][0]["attributes"]
    assert attributes["sentry.message.parameter.0"]["value"] == "*" * 17, attributes
    assert attributes["sentry.message.parameter.1"] == {"value": 2, "type": "integer"}, attributes


async def test_a_console_argument_after_a_fields_name_takes_its_meaning(redact):
    """Review 27 F5: console.log("familienaam", v), a form library's setFieldValue("voornaam", v) printed, and
    redux-form's action {"type": "@@redux-form/CHANGE", "meta": {"field": "achternaam"}, "payload": v} (redux-logger prints
    each) kept the value: only a key naming the field or a label with a colon gave it a meaning. A field's name as an
    argument names the next one; an action's meta naming a field names its payload. A list of field names, and an
    argument after a word that names no field, stay."""
    calls = [("familienaam", "Vermeersch"), ("setFieldValue", "voornaam", "Liesbeth"),
             ({"type": "@@redux-form/CHANGE", "meta": {"form": "profiel", "field": "achternaam"}, "payload": "Goethals"},),
             (["voornaam", "familienaam", "email"],), ("stap", "betaling")]
    recorded = unframe(await redact(posthog.decode(posthog_body([snapshot_event(
        [meta(), *(console_call(*call) for call in calls)], compress=False)]), {}, LIMIT)))[0]["properties"]
    console = [[json.loads(a) for a in e["data"]["payload"]["payload"]] for e in recorded["$snapshot_data"][1:]]
    assert console[0] == ["familienaam", "*" * 10] and console[1] == ["setFieldValue", "voornaam", "*" * 8], console
    assert console[2][0]["payload"] == "*" * 8 and console[2][0]["meta"]["field"] == "achternaam", console
    assert console[3:] == [[["voornaam", "familienaam", "email"]], ["stap", "betaling"]], console


async def test_a_sentry_fingerprint_is_pseudonymised_but_for_sentrys_variables(redact):
    """An error's fingerprint holds what the site groups it by: a patient number in a shape no detector knows
    ("RTD-7Q4-X9K2"), sent before the replay that would teach it (held-out peers round 22). Each of the site's
    entries that hold a digit becomes its pseudonym, the same in every batch so the errors still group; the site's words
    stay ("anamnese": remembered as a person's, it was masked in the error's message), "{{ default }}" is Sentry's."""
    event = {**sentry_error_event(), "message": "anamnese onvolledig",
             "fingerprint": ["{{ default }}", "anamnese", "RTD-7Q4-X9K2"]}
    raw = b"\n".join([b'{"event_id":"' + b"9" * 32 + b'"}', b'{"type":"event"}', json.dumps(event).encode()])
    outs = [await redact(sentry.decode(raw, {}, {}, LIMIT)) for _ in range(2)]
    assert "X9K2" not in outs[0].decode()
    [(_, payload)] = read_envelope(outs[0])[1]
    fingerprint = json.loads(payload)["fingerprint"]
    assert fingerprint[:2] == ["{{ default }}", "anamnese"] and fingerprint[2] != "RTD-7Q4-X9K2", fingerprint
    assert [json.loads(p)["fingerprint"] for _, p in read_envelope(outs[1])[1]] == [fingerprint]
    assert json.loads(payload)["message"] == "anamnese onvolledig"


async def test_a_contact_under_its_own_key_is_masked_whole(redact):
    """A Sentry breadcrumb's data {"contact": "Kidane Woldemichael"}: a name no detector knows, sent before the replay
    that taught it as typed (held-out peers round 22). A key that is "contact" alone (or an emergency contact) says a
    person's; a longer one says more ("contact_method")."""
    crumb = {"timestamp": 1764626401.5, "category": "intake", "message": "noodcontact opgegeven",
             "data": {"contact": "Kidane Woldemichael", "noodcontact": "Kidane Woldemichael", "contact_method": "email"}}
    event = {**sentry_error_event(), "breadcrumbs": [crumb]}
    raw = b"\n".join([b'{"event_id":"' + b"9" * 32 + b'"}', b'{"type":"event"}', json.dumps(event).encode()])
    [(_, payload)] = read_envelope(await redact(sentry.decode(raw, {}, {}, LIMIT)))[1]
    [sent] = json.loads(payload)["breadcrumbs"]
    assert "Kidane" not in payload.decode() and "Woldemichael" not in payload.decode(), sent
    assert sent["data"]["contact_method"] == "email" and sent["message"] == "noodcontact opgegeven", sent


async def test_a_record_number_under_a_number_key_is_one(redact):
    """{"numero": "VdM:88ZT/41q"}: a riding school's answer gave the rider's number under a number's word alone, which
    says nothing in a payload ({"number": 3} is a count), and the page's title echoed it (round 23 of the peers'
    held-out hunt). A value in an identifier's shape there, letters and digits, is a record's number: masked, and its
    echo later in the batch with it. A count, a house number, a word, a code in capitals under the same keys stay."""
    answer = {"numero": "VdM:88ZT/41q", "Nr": "K-2026-0412", "number": 3, "nr": "12", "no": "A", "n": "12A",
              "numero_stage": "G3", "reference": "MVM-2026-118"}
    later = {"$title": "Cavalière VdM:88ZT/41q – Manège du Val de Meuse"}
    raw = posthog_body(capture_batch([analytics_event("inscription", **answer), analytics_event("$pageview", **later)]))
    batch = unframe(await redact(posthog.decode(raw, {}, LIMIT)))["batch"]
    sent = json.dumps(batch, ensure_ascii=False)
    assert "88ZT" not in sent, sent
    kept = batch[0]["properties"]
    assert (kept["number"], kept["nr"], kept["no"], kept["n"], kept["reference"]) == (3, "12", "A", "12A", "MVM-2026-118")
    assert kept["Nr"] == "K-2026-0412"
    assert "Manège du Val de Meuse" in batch[1]["properties"]["$title"]


async def test_a_record_number_encoded_into_a_path_is_masked(redact):
    """"/api/licences/VdM%3A88ZT%2F41q": a script encoded the rider's number into a fetched path (Sentry's breadcrumb
    and span, before any recording taught it: round 23 of the peers' held-out hunt). A separator encoded inside a
    segment says a value was put there, not a route's word; with a letter and a digit it is masked whole. A slug, an
    encoded space, a segment of letters alone stay."""
    urls = {"licence": "http://app.test/api/licences/VdM%3A88ZT%2F41q",
            "slug": "http://app.test/stages/galop-3-obstacle-2026", "spaced": "http://app.test/zoek/stage%20galop",
            "words": "http://app.test/tags/sauts%2Fobstacles"}
    raw = posthog_body(capture_batch([analytics_event("chargement", **urls)]))
    sent = unframe(await redact(posthog.decode(raw, {}, LIMIT)))["batch"][0]["properties"]
    assert "88ZT" not in json.dumps(sent) and sent["licence"].startswith("http://app.test/api/licences/"), sent
    assert (sent["slug"], sent["spaced"], sent["words"]) == (urls["slug"], urls["spaced"], urls["words"]), sent


@pytest.mark.xfail(strict=True, reason="nothing says what a server-sent number is before a recording carries the "
                   "answer that teaches it (round 23 of the peers' held-out hunt): PostHog's /e/ batch can come first")
async def test_a_record_number_in_a_title_before_anything_taught_it(redact):
    """The riding school's answer put the rider's number in the page's title at once, and PostHog's $pageview carried
    it in an /e/ batch before the /s/ recording with the answer ({"numero": …}) taught it: a token of letters, digits
    and separators in a title is a product's code as often, and no key says what it is."""
    raw = posthog_body(capture_batch([analytics_event("$pageview", **{
        "$title": "Cavalière VdM:88ZT/41q – Manège du Val de Meuse"})]))
    sent = unframe(await redact(posthog.decode(raw, {}, LIMIT)))["batch"][0]["properties"]
    assert "88ZT" not in sent["$title"], sent


async def test_latin_american_ids_a_mexican_mobile_and_a_foreigners_number_sent_before_any_recording_are_masked(redact):
    """Held-out peers round 33: a Sentry context set at load held the IND's foreigner's number under its key
    ({"v_nummer": …}); a failed console.assert quoted a Mexican CURP (the breadcrumb's message, its argument alone);
    PostHog's $copy_autocapture carried a Colombian cédula after its initials ("C.C. 1.020.456.789", the selection and
    the element's text), and a click a Mexican mobile with the '1' Mexico dropped ("Call +52 1 55 1234 5678" and, in
    the $elements_chain, its tel: link, "+5215512345678"), all before any recording could have tainted them. All are
    masked; the desk, the context's other key and the assertion's words stay."""
    curp, cedula = "HEZJ850312HDFRXS07", "1.020.456.789"
    event = {"event_id": "9" * 32, "timestamp": 1764626402.25, "platform": "javascript", "level": "info",
             "message": "appointment booked", "contexts": {"ind": {"v_nummer": "3019284756", "desk": "strijp"}},
             "breadcrumbs": [{"timestamp": 1764626401.5, "category": "console", "level": "log",
                              "message": f"Assertion failed: CURP does not match the date of birth: {curp}",
                              "data": {"arguments": ["CURP does not match the date of birth:", curp],
                                       "logger": "console"}}]}
    raw = b"\n".join([b'{"event_id":"' + b"9" * 32 + b'","sent_at":"2026-12-01T22:00:02.500Z"}', b'{"type":"event"}',
                      json.dumps(event).encode()])
    _, items = read_envelope(await redact(sentry.decode(raw, {}, {}, LIMIT)))
    sent = json.loads(items[0][1])
    assert "3019284756" not in items[0][1].decode() and curp[4:12] not in items[0][1].decode(), sent
    assert sent["contexts"]["ind"]["desk"] == "strijp", sent
    assert sent["breadcrumbs"][0]["data"]["arguments"][0] == "CURP does not match the date of birth:", sent
    summary = f"C.C. {cedula} – Strijp-S desk"
    copied = analytics_event("$copy_autocapture", **{"$selected_content": summary, "$copy_type": "copy",
                                                     "$elements": [{"tag_name": "p", "attr__id": "summary",
                                                                    "$el_text": summary}]})
    chain = 'a:attr__href="tel:+5215512345678"attr__id="partner"href="tel:+5215512345678"nth-child="9";body'
    clicked = analytics_event("$autocapture", **{"$el_text": "Call +52 1 55 1234 5678", "$elements_chain": chain})
    raw = posthog_body(capture_batch([copied, clicked]))
    written = unframe(await redact(posthog.decode(raw, {}, LIMIT)))["batch"]
    plain = json.dumps(written, ensure_ascii=False)
    assert not [value for value in ("020.456", "456.789", "1234 5678", "5512345678") if value in plain], written
    assert written[0]["properties"]["$selected_content"].startswith("C.C. ") \
        and written[0]["properties"]["$selected_content"].endswith(" – Strijp-S desk"), written
    assert written[1]["properties"]["$elements_chain"].startswith('a:attr__href="tel:'), written


async def test_a_dialled_link_in_the_elements_chain_is_masked_as_in_the_elements(redact):
    """Held-out peers round 33: a click on a tel: link sent its href in the $elements (masked by its scheme, whatever
    its digits) and in the $elements_chain beside them, a text, which kept it. A number linked while it is typed, a
    short one, or one no detector reads is masked in the chain too; the chain's tag, id and the text around stay."""
    for number in ("+32471", "1234567", "+52 1 55 1234 5678"):
        chain = f'a:attr__href="tel:{number}"attr__id="partner"href="tel:{number}"nth-child="9";body'
        clicked = analytics_event("$autocapture", **{"$el_text": "Call us", "$elements_chain": chain,
                                                     "$elements": [{"tag_name": "a", "attr__href": f"tel:{number}"}]})
        raw = posthog_body(capture_batch([clicked]))
        sent = unframe(await redact(posthog.decode(raw, {}, LIMIT)))["batch"][0]["properties"]
        masked = "*" * len(number.replace(" ", "")) if " " not in number else "*** * ** **** ****"
        assert sent["$elements_chain"] == chain.replace(number, masked), sent
        assert sent["$elements"][0]["attr__href"] == f"tel:{masked}", sent
        assert sent["$el_text"] == "Call us", sent
