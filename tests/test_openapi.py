"""The served OpenAPI document is valid and says exactly what the router serves."""

from __future__ import annotations

import re

import yaml
from aiohttp import web
from openapi_spec_validator import validate

from redactor.admin import OPENAPI
from redactor.app import create_app
from redactor.config import Settings

METHODS = {"get", "put", "post", "delete", "patch", "options", "head", "trace"}


def documented() -> set[tuple[str, str]]:
    document = yaml.safe_load(OPENAPI.read_text())
    return {(method.upper(), path) for path, item in document["paths"].items() for method in item if method in METHODS}


def routed(app: web.Application) -> set[tuple[str, str]]:
    """(method, path) of every route, in OpenAPI's template form; HEAD goes with GET."""
    found = set()
    for route in app.router.routes():
        if route.method == "HEAD":
            continue
        resource = route.resource
        if isinstance(resource, web.StaticResource):
            path = resource.canonical.rstrip("/") + "/{filename}"
        else:
            path = re.sub(r"\{(\w+)(:[^}]*)?\}", r"{\1}", resource.canonical)
        found.add((route.method, path))
    return found


def test_the_document_is_valid_openapi():
    validate(yaml.safe_load(OPENAPI.read_text()))


def test_every_route_is_documented_and_every_documented_route_exists(tmp_path):
    app = create_app(Settings(data_dir=tmp_path / "data", pii_workers=0))
    served, described = routed(app), documented()
    assert served - described == set(), "routes missing from redactor/openapi.yaml"
    assert described - served == set(), "redactor/openapi.yaml documents routes the app does not serve"


def test_every_operation_answers_errors_and_names_its_parameters():
    document = yaml.safe_load(OPENAPI.read_text())
    for path, item in document["paths"].items():
        names = {p["$ref"].rsplit("/", 1)[1] if "$ref" in p else p["name"] for p in item.get("parameters", [])}
        for method, operation in item.items():
            if method not in METHODS:
                continue
            own = {p["$ref"].rsplit("/", 1)[1] if "$ref" in p else p["name"] for p in operation.get("parameters", [])}
            assert set(re.findall(r"\{(\w+)\}", path)) <= names | own, f"{method} {path}: undeclared path parameter"
            assert operation.get("operationId") and operation.get("responses"), f"{method} {path}"
            admin = operation.get("security", document["security"]) != []
            if admin:
                assert "401" in operation["responses"], f"{method} {path} needs a token: document its 401"
                assert "403" in operation["responses"], f"{method} {path} needs a role: document its 403"


async def test_the_document_is_served_without_a_token(client):
    answer = await client.get("/openapi.json")
    assert answer.status == 200
    served = await answer.json()
    assert served == yaml.safe_load(OPENAPI.read_text())
    answer = await client.get("/openapi.yaml")
    assert answer.status == 200 and answer.content_type == "application/yaml"
    assert yaml.safe_load(await answer.text())["openapi"].startswith("3.1")


async def test_documented_admin_routes_refuse_a_missing_token(client):
    """Every documented operation that needs a token answers 401 without one (a real request)."""
    document = yaml.safe_load(OPENAPI.read_text())
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method not in METHODS or operation.get("security", document["security"]) == []:
                continue
            url = re.sub(r"\{\w+\}", "x", path)
            answer = await client.request(method.upper(), url, json={})
            assert answer.status == 401, f"{method.upper()} {path} answered {answer.status}"
            body = await answer.json()
            assert body["error"] and body["detail"]
