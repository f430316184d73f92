"""The replay viewer and the block-list preview.

`/` serves a static page (redactor/static: plain HTML, CSS and JS, rrweb-player vendored under
static/vendor, nothing built at install time). The page signs in with an admin token kept in
the tab's sessionStorage and uses the admin API: sites, sessions, a session's stored (already
redacted) events, and the counts of what was redacted (`remarks`, never a value).

The preview answers "which elements would this block-list block in this stored session?"
before a web developer saves it: the session's events are replayed into a fresh DomMirror whose
Policy has only the candidate selectors (no vendor markers), and the nodes each selector made
blocked are listed with their tag, id and class: never a text or a value.
"""

from __future__ import annotations

import asyncio
import dataclasses
import time
from pathlib import Path
from typing import Any

import orjson
import soupsieve
from aiohttp import web

from redactor.admin import Role, Route, json_body, known_site, stored_session, who
from redactor.dom import DomMirror
from redactor.keys import NAME, STORE
from redactor.policy import BLOCKED, ConfigError, MarkerIndex, Policy, validate_site_config
from redactor.rrweb import EventType, IncrementalSource

STATIC = Path(__file__).resolve().parent / "static"

#: The viewer page never runs a recorded page's scripts (rrweb turns them into noscript) and
#: only talks to this server; the replay iframe inherits this policy. Recorded pages' own
#: stylesheets and images still load (style-src 'unsafe-inline', img-src *), as in any replay.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src * data: blob:; "
    "font-src * data:; media-src * data: blob:; connect-src 'self'; frame-src 'self' about: blob:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",  # a replay fetches the recorded site's images: say nothing of us
    "Cross-Origin-Opener-Policy": "same-origin",
}

MAX_SELECTORS = 200
MAX_MATCHES = 500
#: a preview of a very long session stops here and says it is partial
PREVIEW_BUDGET_SECONDS = 10.0
_SHOWN_ATTRIBUTES = ("id", "class", "name", "type", "role")


async def index(request: web.Request) -> web.StreamResponse:
    return web.FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})


async def security_headers(request: web.Request, response: web.StreamResponse) -> None:
    """on_response_prepare: the viewer's pages and files get the security headers."""
    path = request.path
    if path == "/" or path.startswith("/static/"):
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)


# -- preview ---------------------------------------------------------------------------------------
def candidate_selectors(body: Any) -> list[str]:
    selectors = body.get("selectors") if isinstance(body, dict) else None
    if not isinstance(selectors, list) or not all(isinstance(s, str) for s in selectors):
        raise web.HTTPBadRequest(text='send {"selectors": ["<a CSS selector>", ...]}', reason="Bad Selectors")
    selectors = [s.strip() for s in selectors if s.strip()]
    if not selectors:
        raise web.HTTPBadRequest(text="give at least one CSS selector", reason="Bad Selectors")
    if len(selectors) > MAX_SELECTORS:
        raise web.HTTPBadRequest(text=f"at most {MAX_SELECTORS} selectors at a time", reason="Bad Selectors")
    try:
        validate_site_config({"block_selectors": selectors})  # the same check as saving them
    except ConfigError as error:
        raise web.HTTPBadRequest(text=f"{error.path.replace('$.block_selectors', 'selectors')}: {error.reason}",
                                 reason="Bad Selectors") from None
    return selectors


def preview_policy(site: str, selectors: list[str]) -> Policy:
    """A Policy that blocks by the candidate selectors only: one rule per selector (so each
    match says which selector made it), no vendor markers (they are not the question)."""
    policy = Policy.compile(site, validate_site_config({"block_selectors": selectors}))
    return dataclasses.replace(
        policy, markers=MarkerIndex.of(()),
        selectors=tuple((BLOCKED, f"preview.{i}", soupsieve.compile(s)) for i, s in enumerate(selectors)))


#: a matched node's path as the preview shows it: enough steps and classes to find it in the page's
#: inspector, short enough to read in one line of the panel
PATH_STEPS = 6
PATH_CLASSES = 3


def _describe(mirror: DomMirror, nid: int) -> dict[str, Any]:
    node = mirror.nodes[nid]
    attrs = {name: node.attrs[name] for name in _SHOWN_ATTRIBUTES if node.attrs and node.attrs.get(name)}
    path = []
    for ancestor in [node, *mirror.ancestors(nid)][:PATH_STEPS]:
        if ancestor.attrs is None:
            break
        step = ancestor.tag or "?"
        if ancestor.attrs.get("id"):
            step += "#" + ancestor.attrs["id"]
        classes = ancestor.attrs.get("class", "").split()
        step += "".join("." + c for c in classes[:PATH_CLASSES])
        path.append(step)
    return {"id": nid, "tag": node.tag, "attributes": attrs, "path": " > ".join(reversed(path)),
            "nodes": sum(1 for _ in mirror.subtree(nid))}


def preview_matches(events: bytes, policy: Policy, selectors: list[str],
                    budget: float = PREVIEW_BUDGET_SECONDS) -> dict[str, Any]:
    """Replays a stored session's structure into a DomMirror and lists, in the order they
    appeared, the elements the selectors block (the roots of blocked subtrees)."""
    started = time.monotonic()
    mirror = DomMirror()
    matched: dict[int, dict[str, Any]] = {}
    complete = True
    first_timestamp = None

    def note(timestamp: Any) -> None:
        for nid, (flags, rule) in mirror.sticky.items():
            if nid in matched or not flags & BLOCKED or nid not in mirror.nodes or not rule:
                continue
            if len(matched) >= MAX_MATCHES:
                return
            described = _describe(mirror, nid)
            described["selector"] = selectors[int(rule.rsplit(".", 1)[1])]
            described["offset_ms"] = (timestamp - first_timestamp) if isinstance(timestamp, (int, float)) \
                and first_timestamp is not None else None
            matched[nid] = described

    for event in orjson.loads(events):
        if not isinstance(event, dict) or not isinstance(event.get("data"), dict):
            continue
        timestamp = event.get("timestamp")
        if first_timestamp is None and isinstance(timestamp, (int, float)):
            first_timestamp = timestamp
        data, kind = event["data"], event.get("type")
        if kind == EventType.FULL_SNAPSHOT and isinstance(data.get("node"), dict):
            mirror.reset()
            mirror.insert_tree(data["node"], None, policy)
            mirror.match_selectors(policy)
        elif kind == EventType.INCREMENTAL_SNAPSHOT and data.get("source") == IncrementalSource.MUTATION:
            mirror.apply_mutation(data, policy)
        else:
            continue
        note(timestamp)
        if time.monotonic() - started > budget:
            complete = False
            break

    by_selector = {selector: 0 for selector in selectors}
    for match in matched.values():
        by_selector[match["selector"]] += 1
    return {"selectors": selectors, "complete": complete, "matched": list(matched.values()),
            "by_selector": by_selector, "blocked_nodes": sum(m["nodes"] for m in matched.values())}


async def preview(request: web.Request) -> web.Response:
    site, session = known_site(request), request.match_info["session"]
    if not NAME.fullmatch(session):
        raise web.HTTPBadRequest(text="a session id is 1-200 letters, digits, '.', '_', ':' or '-'",
                                 reason="Bad Session")
    selectors = candidate_selectors(await json_body(request))
    name, events = await stored_session(request, site, session)
    # it replays a stored recording: a read, audited like reading the events
    await request.config_dict[STORE].audit(site, who(request), "preview_blocklist", None,
                                           {"session": name, "selectors": selectors})
    policy = preview_policy(site, selectors)
    result = await asyncio.get_running_loop().run_in_executor(None, preview_matches, events, policy, selectors)
    return web.Response(body=orjson.dumps({"session": session, **result}), content_type="application/json")


#: the preview reads a stored recording: part of the admin API (redactor/admin.py), under /v1
API_ROUTES = (Route("POST", "/sites/{site}/sessions/{session}/preview", preview, Role.VIEWER),)


def add_page_routes(app: web.Application) -> None:
    """The viewer's page and files: public (the page signs in with a token and uses the API)."""
    app.router.add_get("/", index)
    app.router.add_static("/static/", STATIC, follow_symlinks=False, show_index=False)
    app.on_response_prepare.append(security_headers)
