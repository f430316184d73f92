"""Network and console events as the peers record them, before and after the generic pass.

- PostHog: rrweb plugin events `rrweb/network@1` (payload.requests[]: name = the URL, method,
  status, requestHeaders/responseHeaders, requestBody/responseBody) and `rrweb/console@1`
  (payload.payload[]: the console arguments, JSON-stringified; payload.trace[]).
- Sentry: custom events tagged `performanceSpan` whose op is `resource.fetch` / `resource.xhr`
  (description = the URL; data.request / data.response = {headers, body, size}), and breadcrumbs
  of category fetch / xhr / replay.network (data.url, data.request / data.response).

What is particular to them happens here: a request whose URL matches the site's block_requests
is dropped whole (an event whose requests are all dropped goes too); header values are kept only
for an allow-list of harmless headers, every other value (Authorization, Cookie, Set-Cookie, API
keys, anything unknown) is masked whole; JSON bodies and console arguments are parsed so that the
generic pass scans them like a custom payload (keys and values), then written back as JSON
strings (as they came when nothing in them changed). Everything else — every string of these
events — is the generic pass's (redact.py), which scans it like any custom or plugin payload.
"""

from __future__ import annotations

from typing import Any

import orjson

from redactor.content import Remark
from redactor.dom import DomMirror
from redactor.formats.rrweb_batch import encode
from redactor.masking import Masker
from redactor.policy import Policy
from redactor.redact import TYPED_TEXT_KEY, Analyze, AnalyzeSync, Redaction, redact_batch, redact_batch_sync
from redactor.rrweb import EventType

NETWORK_PLUGIN = "rrweb/network@1"
CONSOLE_PLUGIN = "rrweb/console@1"
SENTRY_NETWORK_OPS = ("resource.fetch", "resource.xhr")
SENTRY_NETWORK_CATEGORIES = frozenset({"fetch", "xhr", "replay.network"})
#: headers whose values say nothing about a person: kept (and still scanned)
KEPT_HEADERS = frozenset({
    "accept", "accept-encoding", "accept-language", "accept-ranges", "age", "cache-control", "connection",
    "content-encoding", "content-language", "content-length", "content-type", "date", "etag", "expires",
    "last-modified", "pragma", "server", "vary", "transfer-encoding", "x-content-type-options", "x-frame-options",
    "access-control-allow-origin", "access-control-allow-methods", "access-control-allow-headers",
    "strict-transport-security", "content-security-policy", "cross-origin-resource-policy", "keep-alive",
    "timing-allow-origin", "x-xss-protection", "referrer-policy", "sec-fetch-mode", "sec-fetch-site",
    "sec-fetch-dest", "x-requested-with",
})
#: a response's Server-Timing header as the browser parsed it: posthog-js keeps a resource timing's serverTiming
#: entries ({"name", "duration", "description"}) and each again as an entry of this type beside the request. The
#: header is no kept one, so its parsed metrics are masked as it is, name and description ("caf;desc=\"Ahmadi
#: Shirin\"": held-out peers round 34; the name under "name", read as a person's, masked the route's "/api/caf")
SERVER_TIMING = "serverTiming"


class _JsonCell:
    """A JSON string parsed for the generic pass; written back as a string afterwards."""

    __slots__ = ("holder", "key", "original", "before")

    def __init__(self, holder: Any, key: Any, original: str, parsed: Any):
        self.holder, self.key, self.original = holder, key, original
        self.before = encode(parsed)  # JSON as deep as it was decoded, deeper than orjson writes
        holder[key] = parsed

    def restore(self) -> None:
        now = encode(self.holder[self.key])
        self.holder[self.key] = self.original if now == self.before else now.decode()


class _TypedCell:
    """A request's plain-text body, wrapped for the generic pass as text the visitor wrote (TYPED_TEXT_KEY)."""

    __slots__ = ("holder", "key")

    def __init__(self, holder: dict[str, Any], key: str):
        self.holder, self.key = holder, key
        holder[key] = {TYPED_TEXT_KEY: holder[key]}

    def restore(self) -> None:
        wrapped = self.holder[self.key]
        if isinstance(wrapped, dict) and TYPED_TEXT_KEY in wrapped:
            self.holder[self.key] = wrapped[TYPED_TEXT_KEY]


class NetworkPass:
    def __init__(self, policy: Policy, masker: Masker):
        self.policy, self.masker = policy, masker
        self.remarks: list[Remark] = []
        self.dropped = 0
        self._json: list[_JsonCell | _TypedCell] = []

    # -- before the generic pass --------------------------------------------------------------
    def prepare(self, events: list[Any]) -> list[Any]:
        kept = []
        for event in events:
            if not isinstance(event, dict) or not isinstance(event.get("data"), dict):
                kept.append(event)
                continue
            data, kind = event["data"], event.get("type")
            if kind == EventType.PLUGIN and data.get("plugin") == NETWORK_PLUGIN:
                if not self._posthog_network(data):
                    continue
            elif kind == EventType.PLUGIN and data.get("plugin") == CONSOLE_PLUGIN:
                self._console(data)
            elif kind == EventType.CUSTOM and data.get("tag") == "performanceSpan":
                if not self._sentry_span(data):
                    continue
            elif kind == EventType.CUSTOM and data.get("tag") == "breadcrumb":
                if not self._sentry_breadcrumb(data):
                    continue
            kept.append(event)
        return kept

    def _blocked(self, url: Any) -> bool:
        return isinstance(url, str) and self.policy.request_blocked(url)

    def _drop(self) -> None:
        self.dropped += 1
        self.remarks.append(Remark("site.block_requests", "REQUEST", "drop"))

    def _posthog_network(self, data: dict[str, Any]) -> bool:
        payload = data.get("payload")
        if not isinstance(payload, dict) or not isinstance(payload.get("requests"), list):
            return True
        requests = []
        for request in payload["requests"]:
            if isinstance(request, dict) and self._blocked(request.get("name")):
                self.remarks.append(Remark("site.block_requests", "REQUEST", "drop"))
                continue
            if isinstance(request, dict):
                for name in ("requestHeaders", "responseHeaders"):
                    self._headers(request.get(name))
                self._server_timings(request)
                self._request_body(request, "requestBody")
                self._parse_json(request, "responseBody")
            requests.append(request)
        if payload["requests"] and not requests:
            self._drop()
            return False
        payload["requests"] = requests
        return True

    def _sentry_span(self, data: dict[str, Any]) -> bool:
        payload = data.get("payload")
        if not isinstance(payload, dict) or not str(payload.get("op", "")).startswith("resource."):
            return True
        if self._blocked(payload.get("description")):
            self._drop()
            return False
        details = payload.get("data")
        if payload.get("op") in SENTRY_NETWORK_OPS and isinstance(details, dict):
            self._request_and_response(details)
        return True

    def _sentry_breadcrumb(self, data: dict[str, Any]) -> bool:
        """A request told as a breadcrumb (category fetch, xhr or replay.network; data.url)."""
        payload = data.get("payload")
        if not isinstance(payload, dict) or payload.get("category") not in SENTRY_NETWORK_CATEGORIES:
            return True
        details = payload.get("data")
        if not isinstance(details, dict):
            return True
        if self._blocked(details.get("url")):
            self._drop()
            return False
        self._request_and_response(details)
        return True

    def _request_and_response(self, details: dict[str, Any]) -> None:
        """Sentry's request and response of a network event: headers allow-listed, JSON bodies parsed."""
        for name in ("request", "response"):
            part = details.get(name)
            if isinstance(part, dict):
                self._headers(part.get("headers"))
                if name == "request":
                    self._request_body(part, "body")
                else:
                    self._parse_json(part, "body")

    def _console(self, data: dict[str, Any]) -> None:
        payload = data.get("payload")
        if isinstance(payload, dict) and isinstance(payload.get("payload"), list):
            arguments = payload["payload"]
            for i in range(len(arguments)):
                self._parse_json(arguments, i)

    def _headers(self, headers: Any) -> None:
        if not isinstance(headers, dict):
            return
        for name, value in headers.items():
            if isinstance(value, str) and value and str(name).lower() not in KEPT_HEADERS:
                headers[name] = self.masker.whole(value, "SECRET")
                self.remarks.append(Remark("network.header", "SECRET", "mask"))

    def _server_timings(self, request: dict[str, Any]) -> None:
        timings = request.get(SERVER_TIMING)
        metrics = [t for t in timings if isinstance(t, dict)] if isinstance(timings, list) else []
        if request.get("entryType") == SERVER_TIMING:
            metrics.append(request)
        for metric in metrics:
            for key in ("name", "description"):
                if isinstance(value := metric.get(key), str) and value:
                    metric[key] = self.masker.whole(value, "SECRET")
                    self.remarks.append(Remark("network.header", "SECRET", "mask"))

    def _parse_json(self, holder: Any, key: Any) -> bool:
        """A JSON string parsed for the generic pass; whether it was one."""
        value = holder[key] if isinstance(holder, list) else holder.get(key)
        if not isinstance(value, str) or value.lstrip()[:1] not in ("{", "[", '"'):
            return False
        try:
            parsed = orjson.loads(value)
        except orjson.JSONDecodeError:
            return False  # not JSON after all: a text, scanned as one
        if isinstance(parsed, (dict, list, str)):
            self._json.append(_JsonCell(holder, key, value, parsed))
            return True
        return False

    def _request_body(self, holder: dict[str, Any], key: str) -> None:
        """What the page sends is what the visitor wrote where nothing says it is structure (fail closed):
        a JSON body is parsed (its keys say what each value is), a form's pairs are read by their names
        (content.TextSlot), any other text is read as a textarea's (names by their shape)."""
        if not self._parse_json(holder, key) and isinstance(holder.get(key), str) and holder[key]:
            self._json.append(_TypedCell(holder, key))

    # -- after it -----------------------------------------------------------------------------
    def finish(self, redaction: Redaction) -> Redaction:
        """JSON strings written back; this pass's remarks and drops added to the redaction's."""
        for cell in reversed(self._json):
            cell.restore()
        redaction.remarks[:0] = self.remarks
        redaction.dropped += self.dropped
        return redaction


async def redact_events(events: list[Any], policy: Policy, mirror: DomMirror, masker: Masker, analyze: Analyze,
                        meta: dict[str, Any] | None = None, **options: Any) -> Redaction:
    """redact_batch (its options too: limits, run, known) with the network and console events
    handled around it, on the same thread; this pass costs a walk of the network and console events only."""
    return await redact_batch(events, policy, mirror, masker, analyze, meta=meta, around=NetworkPass(policy, masker),
                              **options)


def redact_events_sync(events: list[Any], policy: Policy, mirror: DomMirror, masker: Masker, analyze: AnalyzeSync,
                       meta: dict[str, Any] | None = None, **options: Any) -> Redaction:
    return redact_batch_sync(events, policy, mirror, masker, analyze, meta=meta, around=NetworkPass(policy, masker),
                             **options)
