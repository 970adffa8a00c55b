"""The HTTP routes: each reads the request, calls the library or the store,
and answers. No verification logic lives here.

POST /v1/checks              a draft (JSON, text/Markdown/HTML/.docx body, or upload) -> 201 + report JSON + Location
GET  /v1/checks              the reports kept, newest first, a page at a time
GET  /v1/checks/{id}         one report (JSON, the same document `verifier check --format json` prints)
GET  /v1/checks/{id}.html    the same report as the self-contained HTML page
GET  /                       a page to paste or upload a draft and read its report
GET  /healthz, /openapi.json
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hmac
import logging
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager

from fastapi import FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from pydantic import BaseModel

from .. import __version__
from .. import config as project
from ..errors import DocumentError
from ..models import Report
from ..render import render
from . import intake, problems
from .jobs import Job
from .limits import DeclaredLengthLimit
from .page import PAGE_HEADERS, render_index, wants_html
from .problems import PROBLEM_RESPONSE, ServiceError
from .runner import Busy, Runner, TimedOut
from .settings import ServiceSettings, from_env
from .store import BadCursor, Page, SQLiteStore, Store, StoredCheck

log = logging.getLogger("verifier.service")

# The report page's own CSP (a meta tag) forbids more; the header adds framing.
REPORT_HEADERS = {
    **PAGE_HEADERS,
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
}
JSON_HEADERS = {"X-Content-Type-Options": "nosniff"}


class Health(BaseModel):
    status: str
    version: str
    pending: int
    sources: list[str]


def create_app(settings: ServiceSettings | None = None, *, open_store: Callable[[], Store] | None = None) -> FastAPI:
    """The app. Configuration and sources are checked now; the store, the
    check workers and the store's threads exist while the app runs (its
    lifespan), so a host that restarts the lifespan gets fresh ones."""
    settings = settings or from_env()
    config = project.load()
    sources = project.run_sources(config, settings.sources)  # a bad config fails at start, not on the first request
    job = Job(sources=tuple(sources), config=config.model_copy(update={"overrides": []}))
    open_store = open_store or (lambda: SQLiteStore(settings.db))
    token = settings.token.get_secret_value().encode() if settings.token else None
    live: dict = {}

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        store = open_store()
        runner = Runner(
            job,
            isolation=settings.isolation,
            concurrency=settings.concurrency,
            max_pending=settings.max_pending,
            timeout_s=settings.check_timeout_s,
        )
        # A few threads of its own for the store: SQLite takes one writer at
        # a time, and each thread keeps a connection (and its page cache).
        pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="verifier-store")
        live.update(store=store, runner=runner, pool=pool)
        app.state.store, app.state.runner = store, runner
        try:
            await runner.warm_up()
            yield
        finally:
            runner.close()
            pool.shutdown(wait=True)
            store.close()
            live.clear()

    async def in_store(method: str, *args):
        return await asyncio.get_running_loop().run_in_executor(live["pool"], getattr(live["store"], method), *args)

    app = FastAPI(
        title="verifier",
        version=__version__,
        summary="Checks the quantitative claims of a news draft against public data.",
        lifespan=lifespan,
        docs_url=None,  # Swagger UI loads scripts from a CDN; /openapi.json is the description
        redoc_url=None,
        responses={500: PROBLEM_RESPONSE},
    )
    app.state.settings = settings
    problems.install(app, max_body_bytes=settings.max_body_bytes)
    app.add_middleware(DeclaredLengthLimit, max_body_bytes=settings.max_body_bytes)

    async def get(check_id: str) -> StoredCheck:
        found = await in_store("get", check_id)
        if found is None:
            raise ServiceError(404, f"no check {check_id!r}")
        return found

    def authorize(request: Request, fields=None) -> None:
        if token is None:
            return
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), token):
            return
        # The page's form cannot set a header; it sends the token as a field.
        if fields and hmac.compare_digest(str(fields.get("token", "")).encode(), token):
            return
        raise ServiceError(401, "this server requires a bearer token to submit a check", {"WWW-Authenticate": 'Bearer realm="verifier"'})

    @app.post(
        "/v1/checks",
        status_code=201,
        response_class=Response,
        max_body_size=settings.max_body_bytes,
        summary="Check a draft",
        description=(
            "Send the draft as JSON, as a text/plain, text/markdown, text/html or .docx body, or as a multipart form "
            "with a `file` or a `text` field; `lang`, `published` and `title` may also be given in the query string. The report is stored before the 201 "
            "is sent. A browser submitting the form (Accept: text/html) is redirected (303) to the HTML report."
        ),
        responses={
            201: {
                "model": Report,
                "description": "the report, stored",
                "headers": {"Location": {"description": "the report's URL", "schema": {"type": "string"}}},
            },
            303: {"description": "for a browser: the HTML report"},
            400: PROBLEM_RESPONSE,
            401: PROBLEM_RESPONSE,
            413: PROBLEM_RESPONSE,
            415: PROBLEM_RESPONSE,
            422: PROBLEM_RESPONSE,
            503: PROBLEM_RESPONSE,
            504: PROBLEM_RESPONSE,
        },
        openapi_extra=_request_body_spec(),
    )
    async def create_check(request: Request) -> Response:
        form_post = intake.media_type(request) == intake.FORM_TYPE
        if not form_post:
            authorize(request)  # before reading a body that would be refused anyway
        draft, fields = await intake.read(request, max_body_bytes=settings.max_body_bytes, default_lang=config.lang)
        if form_post:
            authorize(request, fields)
        try:
            document, report = await live["runner"].run(draft)
        except DocumentError as exc:
            raise ServiceError(422, str(exc)) from None
        except Busy:
            raise ServiceError(503, "the server cannot take this check now (too many in progress); retry shortly", {"Retry-After": "1"}) from None
        except TimedOut:
            raise ServiceError(504, f"the check took longer than {settings.check_timeout_s:g} s") from None
        record = StoredCheck(id=uuid.uuid4().hex, created=dt.datetime.now(dt.UTC), report=report, documents=[document])
        try:
            await in_store("put", record)
        except Exception:
            log.exception("could not store check %s", record.id)
            raise ServiceError(503, "the report could not be stored; nothing was kept, retry shortly", {"Retry-After": "5"}) from None
        location = f"/v1/checks/{record.id}"
        if wants_html(request):
            return RedirectResponse(f"{location}.html", status_code=303)
        headers = {**JSON_HEADERS, "Location": location, "Link": f'<{location}.html>; rel="alternate"; type="text/html"'}
        return Response(report.model_dump_json(), status_code=201, media_type="application/json", headers=headers)

    @app.get(
        "/v1/checks",
        response_model=Page,
        summary="List the stored checks, newest first",
        description=(
            "Paginated with a cursor. The first request has no `cursor`; each answer holds up to `limit` checks, "
            "newest first, and a `next_cursor`. Pass it back as `cursor` (with the same `limit`, or another) to get "
            "the next, older page; `next_cursor` is null on the last page. A page starts after the last check of "
            "the one before, so checks stored meanwhile never shift a page or repeat an item: they appear at the "
            "start of a new listing. A cursor that was not given by the service is a 422."
        ),
        response_description="one page of checks, and the cursor of the next",
        responses={
            200: {
                # OpenAPI's own way to say how to reach the next page.
                "links": {
                    "next": {
                        "operationId": "list_checks_v1_checks_get",
                        "parameters": {"cursor": "$response.body#/next_cursor", "limit": "$request.query.limit"},
                        "description": "The next (older) page, while `next_cursor` is not null.",
                    }
                }
            },
            422: PROBLEM_RESPONSE,
        },
    )
    async def list_checks(
        limit: int = Query(20, ge=1, le=100, description="how many checks a page holds at most"),
        cursor: str | None = Query(
            None,
            pattern=r"^\d{1,18}$",
            description="the `next_cursor` of the previous page; leave it out for the first (newest) page",
        ),
    ) -> Response:
        try:
            page = await in_store("page", limit, cursor)
        except BadCursor as exc:
            raise ServiceError(422, str(exc)) from None
        return JSONResponse(page.model_dump(mode="json"), headers=JSON_HEADERS)

    # Declared before /v1/checks/{check_id}, which would otherwise take "<id>.html" as an id.
    @app.get(
        "/v1/checks/{check_id}.html",
        response_class=HTMLResponse,
        summary="One report as a self-contained HTML page",
        responses={200: {"content": {"text/html": {}}}, 404: PROBLEM_RESPONSE},
    )
    async def get_check_html(check_id: str, request: Request) -> Response:
        found = await get(check_id)
        documents = {d.path: d for d in found.documents}
        # Back to the form, under the prefix a proxy may mount the service at.
        home = f"{request.scope.get('root_path', '').rstrip('/')}/"
        return HTMLResponse(render(found.report, "html", documents, home=home), headers=REPORT_HEADERS)

    @app.get(
        "/v1/checks/{check_id}",
        response_class=Response,
        summary="One report (JSON)",
        responses={200: {"model": Report, "description": "the report"}, 404: PROBLEM_RESPONSE},
    )
    async def get_check(check_id: str) -> Response:
        found = await get(check_id)
        return Response(found.report.model_dump_json(), media_type="application/json", headers=JSON_HEADERS)

    @app.get("/", response_class=HTMLResponse, summary="The page to submit a draft", responses={200: {"content": {"text/html": {}}}})
    async def index() -> Response:
        recent = await in_store("page", 10)
        body = render_index(recent=recent.items, token_required=token is not None, max_body_bytes=settings.max_body_bytes)
        return HTMLResponse(body, headers=PAGE_HEADERS)

    @app.get("/healthz", response_model=Health, summary="Whether the service can take checks", responses={503: PROBLEM_RESPONSE})
    async def healthz() -> Response:
        try:
            await in_store("ping")
        except Exception as exc:
            log.error("store unavailable: %s", exc)
            raise ServiceError(503, "the report store is unavailable") from None
        health = Health(status="ok", version=__version__, pending=live["runner"].pending, sources=sorted(sources))
        return JSONResponse(health.model_dump(), headers={**JSON_HEADERS, "Cache-Control": "no-store"})

    return app


def _request_body_spec() -> dict:
    """The request body as OpenAPI describes it: the route reads the body
    itself, since one route takes several media types."""
    text = {"schema": {"type": "string", "minLength": 1, "pattern": intake.TEXT_PATTERN}}
    meta = {
        "lang": {"type": "string", "maxLength": 35, "pattern": intake.LANG_PATTERN},
        "published": {"type": "string", "pattern": intake.DATE_PATTERN},
        "title": {"type": "string", "maxLength": 500},
    }
    return {
        "parameters": [
            {"name": name, "in": "query", "required": False, "schema": schema, "description": f"the draft's {name}, for any body (the body's own wins)"}
            for name, schema in meta.items()
        ],
        "requestBody": {
            "required": True,
            "content": {
                intake.JSON_TYPE: {"schema": intake.CheckRequest.model_json_schema()},
                "text/plain": text,
                "text/markdown": text,
                "text/html": text,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {"schema": {"type": "string", "format": "binary"}},
                intake.FORM_TYPE: {
                    "schema": {
                        "type": "object",
                        "properties": {
                            "file": {"type": "string", "format": "binary", "description": ".txt, .md, .html or .docx"},
                            "text": {"type": "string"},
                            **meta,
                            "token": {"type": "string", "description": "the bearer token, for a browser form"},
                        },
                    }
                },
            },
        },
    }


def from_environment() -> FastAPI:
    """The app as uvicorn's worker processes build it (`factory=True`)."""
    return create_app(from_env())
