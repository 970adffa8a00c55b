"""One error shape for every 4xx and 5xx: RFC 9457 problem details.

`{"type": "about:blank", "title": "Not Found", "status": 404, "detail": "..."}`
as `application/problem+json`, whether the error came from a route, from
request validation, from Starlette's routing (404, 405) or from a bug (500,
with no traceback in the body). A browser that submitted the page's form and
prefers HTML gets the same fields as a small page instead, so a person sees
what to fix rather than raw JSON.
"""

from __future__ import annotations

import logging
from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException
from starlette.routing import Match

from .page import render_problem, wants_html

log = logging.getLogger("verifier.service")


class Problem(BaseModel):
    type: str = "about:blank"
    title: str
    status: int
    detail: str


class ServiceError(Exception):
    def __init__(self, status: int, detail: str, headers: dict[str, str] | None = None):
        super().__init__(detail)
        self.status, self.detail, self.headers = status, detail, headers or {}


def problem(request: Request, status: int, detail: str, headers: dict[str, str] | None = None) -> Response:
    body = Problem(title=HTTPStatus(status).phrase, status=status, detail=detail)
    if wants_html(request):
        return HTMLResponse(render_problem(body.title, status, detail), status_code=status, headers=headers)
    return JSONResponse(body.model_dump(), status_code=status, media_type="application/problem+json", headers=headers)


# For the OpenAPI document: every error a route may answer has this body.
PROBLEM_RESPONSE = {"model": Problem, "content": {"application/problem+json": {}}}


def install(app: FastAPI, *, max_body_bytes: int) -> None:
    details = {**_DEFAULT_DETAIL, 413: f"request body larger than {max_body_bytes} bytes"}

    @app.exception_handler(ServiceError)
    async def _service(request: Request, exc: ServiceError) -> Response:
        return problem(request, exc.status, exc.detail, exc.headers)

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException) -> Response:
        # Starlette's own exceptions carry only the status phrase as detail.
        generic = not isinstance(exc.detail, str) or exc.detail in (HTTPStatus(exc.status_code).phrase, "Content Too Large")
        detail = details.get(exc.status_code, HTTPStatus(exc.status_code).phrase) if generic else exc.detail
        headers = dict(exc.headers or {})
        if exc.status_code == 405:
            # Starlette names only the first route that matched the path; a
            # path served by several routes (GET and POST) allows them all.
            headers["Allow"] = ", ".join(_allowed(app, request))
        return problem(request, exc.status_code, detail, headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Response:
        return problem(request, 422, describe(exc.errors()))

    @app.exception_handler(Exception)
    async def _bug(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return problem(request, 500, "internal error; the server log has the details")


def _allowed(app: FastAPI, request: Request) -> list[str]:
    methods: set[str] = set()
    for route in app.router.routes:
        match, _ = route.matches(request.scope)
        if match is not Match.NONE and getattr(route, "methods", None):
            methods |= route.methods
    return sorted(methods)


_DEFAULT_DETAIL = {
    404: "no such resource",
    405: "method not allowed on this resource",
    413: "request body too large",
}


def describe(errors) -> str:
    """The first validation error as one line: where, then what."""
    first = errors[0]
    where = ".".join(str(p) for p in first.get("loc", ()) if p not in ("body", "query", "path"))
    message = str(first.get("msg", "invalid value")).removeprefix("Value error, ")
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"{where}: {message}{more}" if where else f"{message}{more}"
