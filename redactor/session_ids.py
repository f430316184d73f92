"""Session ids that name a person. A session id is the client's to choose, and it is the recording's
name wherever it is kept: the store's rows, the session list, Redis key names, the spool, the path
forwarded to the collector. A site that keys its recordings by who the visitor is (a phone number,
an e-mail, a national number) would have that kept raw, and shown in the viewer's list.

The pattern recognizers read each id (not the model: an id is no sentence, and a login that is a name
is no more sure than a word), with the UUIDs and hex digests in it left out — an SDK makes those up at
random, and Presidio reads digit groups in them as phone numbers. An id in which they find PERSONAL is
kept under a keyed pseudonym instead, on every route. Never refused: a random id can read as a phone
number too (measured: one random 8-character hex token in ~60, those all digits), and the client that
made it would lose its recording. The admin asks for a session by the id it was sent with;
`stored_names` gives the names it may be kept under.
"""

from __future__ import annotations

import hashlib
import hmac
import re

from aiohttp import web

from redactor.bounded_cache import LONGEST_KEPT
from redactor.formats.peer import DIGESTED, MADE_ID
from redactor.formats.rrweb_batch import Group
from redactor.keys import DETECTOR, THREADS
from redactor.pipeline import site_secret
from redactor.pii.settings import PiiSettings
from redactor.policy import Policy

#: what an id must never hold: the identifiers the pattern recognizers validate (a checksum, a
#: phone numbering plan, an e-mail's domain)
PERSONAL = ("EMAIL_ADDRESS", "PHONE_NUMBER", "IBAN_CODE", "CREDIT_CARD", "BE_NATIONAL_NUMBER", "FR_NIR", "NL_BSN",
            "NATIONAL_ID")

#: the fewest digits of an identifier of PERSONAL a validator confirms (India's PAN: five letters, four
#: digits, a letter); an e-mail has its "@"
FEWEST_DIGITS = 4
#: the ids read lately and found to be no one's, per site and the settings they were read with: a session sends all
#: its batches under one id, and each read cost the batch a trip to a redaction thread and the detector's cache
#: (bench/load.py). Only those: a personal id is read each time, never kept raw, here neither. Bounded: past
#: MAX_ORDINARY_IDS forgotten whole (then read again: the same answer); one longer than LONGEST_KEPT is not kept
MAX_ORDINARY_IDS = 4096
_ordinary_ids: set[tuple[str, tuple[str, ...], float, str]] = set()
#: what parts an id's words ("klant-…", "user_…", "<session>:<window>")
ID_SEPARATORS = re.compile(r"[-_:]")


async def personal(app: web.Application, policy: Policy, sessions: list[str]) -> set[str]:
    """The ids in which the pattern recognizers find PERSONAL, at the site's threshold or the default
    one, whichever is lower (a site that lowers it wants more masked, never less). One lookup for all
    of a batch's ids, however many sessions it holds; an id found ordinary under the same settings is
    not read again."""
    asked = {session: MADE_ID.sub(" ", session) for session in dict.fromkeys(sessions)}
    asked = {session: text for session, text in asked.items()  # "s1", "visit-42", "tab_2": nothing of PERSONAL fits
             if sum(c.isdigit() for c in text) >= FEWEST_DIGITS or "@" in text}
    if not asked:
        return set()
    site = policy.config.pii
    threshold = min(site.threshold, PiiSettings.defaults().threshold)
    read_as = (policy.site, tuple(site.languages), threshold)
    unread = [session for session in asked if (*read_as, session) not in _ordinary_ids]
    if not unread:
        return set()
    settings = PiiSettings(languages=site.languages, entities=list(PERSONAL), threshold=threshold)
    # each read as written, and with its separators as spaces: in a sentence a number glued to a word by "-"
    # or "_" is a reference ("INV-123456782"), in an id they part its words ("card-4539…", "rrn_…")
    texts = [form for session in unread for form in (asked[session], ID_SEPARATORS.sub(" ", asked[session]))]
    detector = app[DETECTOR]
    # looked up (the texts' digests computed) on a redaction thread: the event loop only moves bytes
    found = await app[THREADS].run(policy.site, detector.known, texts, "", settings, policy.site)
    if not isinstance(found, list):
        found = await detector.analyze(texts, "", settings, site=policy.site, lookup=found)
    named = {session for n, session in enumerate(unread) if found[2 * n] or found[2 * n + 1]}
    if len(_ordinary_ids) + len(unread) > MAX_ORDINARY_IDS:
        _ordinary_ids.clear()
    _ordinary_ids.update((*read_as, session) for session in unread
                         if session not in named and len(session) <= LONGEST_KEPT)
    return named


def stored_names(secret: bytes, site: str, session: str) -> tuple[str, str]:
    """The names a session the admin asks for by its id can be kept under: the id itself, or its
    pseudonym if ingest found personal data in it. Both are read: whether an id reads as personal
    depends on the site's settings of the day."""
    return session, pseudonym(site_secret(secret, site), session)


def pseudonym(key: bytes, session: str) -> str:
    """The name a session is kept under instead of its id: keyed (the site's key), so that a phone
    number's digest cannot be found again by hashing every phone number."""
    return DIGESTED + hmac.new(key, session.encode("utf-8", "surrogatepass"), hashlib.sha256).hexdigest()[:40]


async def pseudonymise(app: web.Application, policy: Policy, key: bytes, groups: list[Group]) -> None:
    """A peer's groups (their ids made by its SDK or set by the site): each whose id is personal, or
    was digested without a key (peer.session_key: an id of any characters), kept under its pseudonym."""
    found = await personal(app, policy, [group.session for group in groups if group.session is not None])
    for group in groups:
        if group.session is not None and (group.session.startswith(DIGESTED) or group.session in found):
            group.session = pseudonym(key, group.session)
