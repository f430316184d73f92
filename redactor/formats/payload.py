"""Any JSON body a peer's SDK sends to a route redactor has no model of: posthog-js's console logs
(`/i/v1/logs`, OTLP JSON) and metrics, its conversations widget, a Sentry CSP report
(`/api/<project>/security/`), whatever a newer SDK adds. Framed as PostHog frames its bodies (raw
gzip by its magic bytes, `?compression=base64` form data, plain JSON: formats/posthog.py unframe),
bounded like them; every key and every string at any depth is scanned by the generic pass (a
group's `meta`: redact.py's _scan_payload, URLs as URLs, values under secret-looking keys masked
whole), and the body is framed back the way it came; a body nothing was redacted in goes on byte
for byte.

A body that is not JSON cannot be redacted: decode refuses it (415 `not_redacted`), and nothing of
it is forwarded.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from redactor.formats.peer import Budget, dumps, exact
from redactor.formats.posthog import frame, unframe
from redactor.formats.rrweb_batch import BatchError, Group

#: where the body is put in its group's meta: the pass writes a top-level string back here too
BODY = "body"
#: a project key in the body, or in the query (posthog-js's ?token=, Sentry's ?sentry_key=)
KEY_NAMES = ("api_key", "token", "$token")
QUERY_KEY_NAMES = ("token", "api_key", "sentry_key")
#: the codes of an unframing that failed because the body is not JSON (or no framing of it)
NOT_JSON = frozenset({"bad_json", "bad_form", "bad_encoding", "unsupported_encoding", "empty_body"})


@dataclass
class PayloadBody:
    holder: dict[str, Any]  # {BODY: the JSON}
    framing: str  # gzip | base64 | json
    raw: bytes
    exact: bool = False  # raw is byte for byte the JSON as decoded (peer.exact)
    key: str | None = None
    groups: list[Group] = field(default_factory=list)
    _before: bytes = b""

    def encode(self) -> bytes:
        now = dumps(self.holder[BODY])
        return self.raw if now == self._before and self.exact else frame(now, self.framing)


def _key(data: Any, query: Mapping[str, str]) -> str | None:
    if isinstance(data, dict):
        for name in KEY_NAMES:
            if isinstance(data.get(name), str) and data[name]:
                return data[name]
    return next((query[name] for name in QUERY_KEY_NAMES if query.get(name)), None)


def decode(raw: bytes, query: Mapping[str, str], limit: int, route: str) -> PayloadBody:
    """route: the request's method and path, for the refusal's detail."""
    try:
        data, framing, parsed = unframe(raw, query, Budget(limit))
    except BatchError as error:
        if error.code not in NOT_JSON:
            raise  # too large once inflated: 413 as on the ingest routes
        raise BatchError(415, "not_redacted", f"{route} is not a route redactor knows, and its body is not JSON "
                                              f"({error.detail}): redactor redacts no other body there, so it was "
                                              "not forwarded") from None
    holder = {BODY: data}
    before = dumps(data)
    body = PayloadBody(holder, framing, raw, exact(parsed, before), key=_key(data, query), _before=before)
    body.groups = [Group(None, [], holder)]
    return body
