"""The query string and the forwarded header values of an ingest request, redacted before they are
forwarded to the collector (upstream mode) and before they are written to the disk spool.

A recording script builds that query itself, but what it puts there is not ours to trust: a page
URL, a user id, an e-mail someone passed along. Each parameter is redacted as content.UrlSlot
redacts a URL's query: a value whose name says it is a secret (`token`, `email`, `key`…) or
personal data (`fullname`, `dob`: the site's field meanings) is masked whole, the others are scanned by the detector and only what it finds is masked. The exception is
the SDK authentication the collector needs to accept the batch (Sentry's `sentry_key`, PostHog's
`token=phc_…`, whose names would otherwise make them secrets): those parameters go on untouched when
their values have the shape the SDK gives them (SDK_AUTH_PARAMETERS), and are masked whole if not. The path itself is ours (the
route's site and session) and is never changed, but for the path prefix a peer's SDK may put before its route
(posthog-js's api_host behind /ingest): the client's to choose, it is scanned like a URL's path.

The header values that go on (sinks/upstream.forwarded_headers: an allow-list, Origin and Referer
already cut to an origin) are the client's too: a User-Agent an extension rewrote ("… jan@mail.example"),
a key that is an e-mail. Each is scanned as a string of a payload is (the detector, credentials by
their shape, `key=value` pairs) and what is found is masked. The SDK authentication keeps its shape:
Sentry's `X-Sentry-Auth` keeps its `sentry_*` parameters of their shape (its public key, as in the query), and an
`X-Api-Key` is a collector's key, so credentials by their shape are not looked for there (the
detector still is: an e-mail as a key is masked).
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import unquote_plus

from redactor.content import (Cell, Remark, TextSlot, UrlSlot, credential_spans, outside_product_versions,
                              secret_pair_spans, with_shaped)
from redactor.masking import Masker
from redactor.pii.spans import Span

#: query parameters that authenticate an SDK to its collector (Sentry sends them in the query of every
#: envelope, or in X-Sentry-Auth), each kept only in the shape Sentry gives it: a DSN's public key (hex,
#: 32 digits as Sentry makes them, and a letter: sixteen digits alone are a card's), the protocol's version
#: (a number), the SDK's name and version; any other value under these names is masked whole
#: (_QueryRedaction.parameter_meaning)
SDK_AUTH_PARAMETERS = {
    "sentry_key": re.compile(r"(?=[0-9]*[a-f])[0-9a-f]{16,64}\Z"),
    "sentry_version": re.compile(r"[0-9]{1,3}\Z"),
    "sentry_client": re.compile(r"(?:sentry|raven)[a-z.-]{0,60}/[0-9]{1,4}(?:\.[0-9]{1,6}){1,3}(?:-[a-z]{1,12}(?:\.[0-9]{1,4})?)?\Z"),
}
#: PostHog's project key (posthog-js's ?token= on its logs, metrics, surveys, experiments…): public,
#: and kept when the value has its shape; any other value under these names is masked as a secret
POSTHOG_KEY_PARAMETERS = frozenset({"token", "api_key"})
POSTHOG_PROJECT_KEY = re.compile(r"phc_[A-Za-z0-9_-]{8,100}\Z")


def sdk_authentication(part: str) -> bool:
    name, _, value = part.partition("=")
    name = unquote_plus(name).lower()
    shape = SDK_AUTH_PARAMETERS.get(name) or (POSTHOG_PROJECT_KEY if name in POSTHOG_KEY_PARAMETERS else None)
    return shape is not None and bool(shape.match(unquote_plus(value)))

Analyze = Callable[[list[str], str | None], Awaitable[list[list[Span]]]]


class _QueryRedaction:
    """What a UrlSlot needs of a batch's redaction. A value found here does not taint the
    session: the query is not part of the recording, and it is masked here in any case."""

    def __init__(self, masker: Masker, parameter_meaning: Callable[[str, str], str]):
        self.masker, self._meaning = masker, parameter_meaning
        self.remarks: list[Remark] = []

    def parameter_meaning(self, name: str, value: str | None = None) -> str:
        """What a parameter holds by its name (and its value: an opaque id under "?user=" is kept); an SDK's
        authentication that is not of its shape (the shaped ones are never read) is masked whole: the collector
        needs nothing else there."""
        return "SECRET" if name.lower() in SDK_AUTH_PARAMETERS else self._meaning(name, value)

    def taint_spans(self, text: str, spans: list[Span], typed: bool = False) -> None:
        pass

    def label_meaning(self, label: str) -> str:
        return self.parameter_meaning(label)

    def search_parameter(self, name: str) -> bool:
        return False  # an SDK's request holds no visitor's search: its values are read by the detector

    def typed_parameter(self, name: str) -> bool:
        return False  # nor text a visitor wrote

    def thing_parameter(self, name: str) -> bool:
        return False  # no page's address: no value is read as a name by its shape

    def read(self, rule: Callable[..., list], text: str, *args: Any) -> list:
        return list(rule(text, *args))  # a request's few values: each read once


async def redact_query(path_qs: str, masker: Masker, analyze: Analyze,
                       parameter_meaning: Callable[[str, str], str] = lambda name, value="": "", prefix: int = 0) -> str:
    """`/path?a=1&b=2` with each parameter's value redacted (see the module doc);
    parameter_meaning: what a parameter holds by its name (the site's field meanings); prefix: the
    length of the path's start a client chose (a peer's path prefix), scanned as a URL's path."""
    path, mark, query = path_qs.partition("?")
    if not query and not prefix:
        return path_qs
    # one slot per parameter, so that each is redacted alone and they are joined back in order
    parts = ["?" + part for part in query.split("&")] if query else []
    work = _QueryRedaction(masker, parameter_meaning)
    # read as a page's address is (page): a value under a name no list knows that has a full name's shape
    # ("?who=Ysoline+Daemers") is a person's, and so is a segment of the prefix that spells one
    slots = [UrlSlot(Cell(parts, i), None, work, page=True) for i, part in enumerate(parts)
             if not sdk_authentication(part[1:])]
    chosen = [path[:prefix]]
    if prefix:
        slots.append(UrlSlot(Cell(chosen, 0), None, work, page=True))
    texts = [text for slot in slots for text in slot.texts]
    found = await analyze(texts, None) if texts else []
    offset = 0
    for slot in slots:
        slot.resolve(found[offset:offset + len(slot.texts)], work)
        offset += len(slot.texts)
    return chosen[0] + path[prefix:] + mark + "&".join(part[1:] for part in parts)


#: forwarded headers whose value is a collector's credential by design: not masked for its shape
CREDENTIAL_HEADERS = frozenset({"x-api-key", "x-sentry-auth"})
#: Sentry's `X-Sentry-Auth: Sentry sentry_version=7, sentry_client=…, sentry_key=…`: its parameters
_SENTRY_AUTH = re.compile(r"\s*Sentry\s+(.*)\Z", re.IGNORECASE | re.DOTALL)


async def redact_headers(headers: list[tuple[str, str]], masker: Masker, analyze: Analyze,
                         is_secret_key: Callable[[str], bool],
                         parameter_meaning: Callable[[str, str], str] = lambda name, value="": "") -> list[tuple[str, str]]:
    """Each header's value scanned as a payload's string is, what is found masked (see the module
    doc); the order and the names as they came."""
    work = _QueryRedaction(masker, parameter_meaning)
    # per header: what comes before its parts, and its parts (one, or Sentry's parameters)
    pieces: list[tuple[str, list[str]]] = []
    slots: list[tuple[TextSlot, str]] = []
    for name, value in headers:
        lowered = name.lower()
        auth = _SENTRY_AUTH.match(value) if lowered == "x-sentry-auth" else None
        lead, parts = (value[:auth.start(1)], [part.strip() for part in auth.group(1).split(",")]) if auth \
            else ("", [value])
        pieces.append((lead, parts))
        slots.extend((TextSlot(Cell(parts, i), None, "header." + lowered), lowered)
                     for i, part in enumerate(parts) if not (auth and sdk_authentication(part)))
    texts = [text for slot, _ in slots for text in slot.texts]
    found = await analyze(texts, None) if texts else []
    offset = 0
    for slot, lowered in slots:
        found_here = found[offset:offset + len(slot.texts)]
        for i, text in enumerate(slot.texts):  # as the batch's strings are (redact.Redaction.finish)
            found_here[i] = with_shaped(found_here[i], secret_pair_spans(text, is_secret_key) + (
                [] if lowered in CREDENTIAL_HEADERS else credential_spans(text)))
            if lowered == "user-agent":
                found_here[i] = outside_product_versions(text, found_here[i])
        slot.resolve(found_here, work)
        offset += len(slot.texts)
    return [(name, lead + ", ".join(parts)) for (name, _), (lead, parts) in zip(headers, pieces)]
