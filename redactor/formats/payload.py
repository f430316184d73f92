"""Any JSON body a peer's SDK sends to a route redactor has no model of: posthog-js's console logs
(`/i/v1/logs`, OTLP JSON) and metrics, its conversations widget, a Sentry CSP report
(`/api/<project>/security/`), whatever a newer SDK adds. Framed as PostHog frames its bodies (raw
gzip by its magic bytes, `?compression=base64` form data, plain JSON: formats/posthog.py unframe),
bounded like them; every key and every string at any depth is scanned by the generic pass (a
group's `meta`: redact.py's _scan_payload, URLs as URLs, values under secret-looking keys masked
whole), and the body is framed back the way it came; a body nothing was redacted in goes on byte
for byte.

posthog-js's logs name the PostHog session and tab each record comes from (its `sessionId` and
`window.id` attributes): a record is redacted with that session's state, as the tab's analytics
events are (formats/posthog.py), so what its recording taught (a name typed there) is masked where
a log echoes it.

A body that is not JSON cannot be redacted: decode refuses it (415 `not_redacted`), and nothing of
it is forwarded.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from redactor.formats.peer import Budget, dumps, exact
from redactor.formats.posthog import frame, tab_key, unframe
from redactor.formats.rrweb_batch import BatchError, Group

#: where the body is put in its group's meta: the pass writes a top-level string back here too
BODY = "body"
#: a project key in the body, or in the query (posthog-js's ?token=, Sentry's ?sentry_key=)
KEY_NAMES = ("api_key", "token", "$token")
QUERY_KEY_NAMES = ("token", "api_key", "sentry_key")
#: the codes of an unframing that failed because the body is not JSON (or no framing of it)
NOT_JSON = frozenset({"bad_json", "bad_form", "bad_encoding", "unsupported_encoding", "empty_body"})
#: the attributes of an OTLP log record (posthog-js's /i/v1/logs) that name its PostHog session and tab
SESSION_ATTRIBUTE, TAB_ATTRIBUTE = "sessionId", "window.id"


@dataclass
class PayloadBody:
    holder: dict[str, Any]  # {BODY: the JSON}
    framing: str  # gzip | base64 | json
    raw: bytes
    exact: bool = False  # raw is byte for byte the JSON as decoded (peer.exact)
    key: str | None = None
    groups: list[Group] = field(default_factory=list)
    _before: bytes = b""
    #: the lists of log records whose session's records were taken out while the body is redacted
    #: without a session: (the scope's logs, its key, all its records), put back by encode
    _detached: list[tuple[dict[str, Any], str, list[Any]]] = field(default_factory=list)

    def encode(self) -> bytes:
        for scope, key, records in self._detached:
            scope[key] = records  # redacted in place, each with its session
        self._detached.clear()
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
    sessions = _log_sessions(body, data)
    body.groups = [Group(None, [], holder), *sessions.values()]
    return body


def _log_sessions(body: PayloadBody, data: Any) -> dict[str, Group]:
    """The OTLP log records that name their PostHog session, a group per session (tab); they are
    taken out of their scope's list until encode, so the rest of the body is redacted once, without
    a session."""
    sessions: dict[str, Group] = {}
    resources = data.get("resourceLogs") if isinstance(data, dict) else None
    for resource in resources if isinstance(resources, list) else ():
        scopes = resource.get("scopeLogs") if isinstance(resource, dict) else None
        for scope in scopes if isinstance(scopes, list) else ():
            records = scope.get("logRecords") if isinstance(scope, dict) else None
            if not isinstance(records, list):
                continue
            keyed = [(_record_session(record), record) for record in records]
            if not any(session for session, _ in keyed):
                continue
            body._detached.append((scope, "logRecords", records))
            scope["logRecords"] = [record for session, record in keyed if session is None]
            for session, record in keyed:
                if session is not None:
                    sessions.setdefault(session, Group(session, [])).meta.setdefault("logRecords", []).append(record)
    return sessions


def _record_session(record: Any) -> str | None:
    """The session (tab) an OTLP log record names in its string attributes, or None."""
    attributes = record.get("attributes") if isinstance(record, dict) else None
    named: dict[str, Any] = {}
    for attribute in attributes if isinstance(attributes, list) else ():
        if isinstance(attribute, dict) and attribute.get("key") in (SESSION_ATTRIBUTE, TAB_ATTRIBUTE):
            value = attribute.get("value")
            named[attribute["key"]] = value.get("stringValue") if isinstance(value, dict) else None
    return tab_key(named.get(SESSION_ATTRIBUTE), named.get(TAB_ATTRIBUTE))
