"""The JSON answers of every route: {"error": code, "detail": what is wrong and how to fix it}."""

from __future__ import annotations

import logging
from typing import Any

import orjson
from aiohttp import web

from redactor.sinks.store import StorageUnavailable

log = logging.getLogger("redactor")


def json_error(status: int, code: str, detail: str, headers: dict[str, str] | None = None) -> web.Response:
    return web.json_response({"error": code, "detail": detail}, status=status, headers=headers,
                             dumps=lambda o: orjson.dumps(o).decode())


def json_response(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    return web.Response(body=orjson.dumps(data), status=status, content_type="application/json", headers=headers)


def retry_headers(cors: dict[str, str], seconds: int) -> dict[str, str]:
    """Retry-After, readable by a browser script too (CORS exposes it only when told)."""
    return {"Retry-After": str(seconds), **({"Access-Control-Expose-Headers": "Retry-After"} if cors else {})}


def unknown_site(site: str) -> web.HTTPNotFound:
    """The one answer of every route that meets a site nobody created (ingest, admin, viewer)."""
    return web.HTTPNotFound(text=f"unknown site {site!r}: create it with PUT /v1/sites/{site}", reason="Unknown Site")


@web.middleware
async def errors(request: web.Request, handler: Any) -> web.StreamResponse:
    """Every error answers JSON, the HTTP errors handlers raise included."""
    try:
        return await handler(request)
    except web.HTTPException as error:
        if error.status < 400:
            raise
        code = error.reason.lower().replace(" ", "_")
        detail = error.text if error.text and not error.text.startswith(f"{error.status}:") else error.reason
        return json_error(error.status, code, detail, headers={k: v for k, v in error.headers.items()
                                                              if k.lower() in ("allow", "retry-after")})
    except StorageUnavailable as error:  # an admin or viewer request whose write (its audit entry) failed
        log.warning("%s %s: the store could not write (%s): refused with 503", request.method, route_name(request),
                    error.code)
        return json_error(503, error.code, error.detail, retry_headers({}, error.retry_after))
    except Exception:
        log.exception("unexpected error on %s %s", request.method, route_name(request))
        return json_error(500, "internal_error", "the server failed on this request; it was logged")


def route_name(request: web.Request) -> str:
    """The route a request matched, as it was declared ("/{prefix}/e/",
    "/v1/sites/{site}/sessions/{session}/events"), never the path it came with: a PostHog path
    prefix, a session id or a site's name can be anything a client wrote, an e-mail included."""
    resource = request.match_info.route.resource
    return resource.canonical if resource is not None else "(no route)"
