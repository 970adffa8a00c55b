"""The HTTP service through httpx's ASGI transport: each route, each input
form, the limits and the one error shape. The service must add nothing to
what `check` says: its reports are compared with the library's."""

from __future__ import annotations

import asyncio
import io
import json
import threading

import jsonschema
import pytest
from service_support import ROOT, SEED_TEXT, assert_problem, client_for, service, settings

from verifier.flow.verify import check
from verifier.models import Report
from verifier.read.documents import from_text
from verifier.service import create_app
from verifier.service.store import SQLiteStore
from verifier.sources import load_sources, select

pytestmark = pytest.mark.anyio
REPORT_SCHEMA = json.loads((ROOT / "docs" / "report.schema.json").read_text())


@pytest.fixture
def anyio_backend():
    return "asyncio"


async def _library_report(text: str) -> dict:
    """What the library says of `text`, read as the service reads a JSON draft."""
    report = await asyncio.to_thread(check, [from_text(text, "draft")], sources=select(load_sources()))
    return json.loads(report.model_dump_json())


def _comparable(report: dict) -> dict:
    # What differs between two runs of the same check: when and how long.
    run = {k: v for k, v in report["run"].items() if k not in ("started", "duration_s")}
    return {**report, "run": run}


async def test_post_json_answers_201_with_the_library_report_and_its_location(tmp_path):
    async with service(tmp_path) as client:
        r = await client.post("/v1/checks", json={"text": SEED_TEXT})
        assert r.status_code == 201
        assert r.headers["location"].startswith("/v1/checks/")
        body = r.json()
        jsonschema.validate(body, REPORT_SCHEMA)
        assert _comparable(body) == _comparable(await _library_report(SEED_TEXT))
        assert body["stats"]["supported"] >= 1  # the seed's figures are checked, not skipped

        again = await client.get(r.headers["location"])
        assert again.status_code == 200 and again.json() == body


async def test_html_report_is_the_renderer_page_with_strict_headers(tmp_path):
    async with service(tmp_path) as client:
        text = "date 2024-02\n<script>alert(1)</script> China's GDP was 17.8 trillion dollars in 2023.\n"
        location = (await client.post("/v1/checks", json={"text": text, "lang": "en"})).headers["location"]
        page = await client.get(location + ".html")
        assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
        assert "default-src 'none'" in page.headers["content-security-policy"]
        assert page.headers["x-content-type-options"] == "nosniff"
        assert "<script>" not in page.text and "&lt;script&gt;" in page.text
        assert "Supported" in page.text


async def test_metadata_reaches_the_document(tmp_path):
    async with service(tmp_path) as client:
        draft = {"text": "Brent averaged $82.49 a barrel last year.", "lang": "en", "published": "2024-03-05", "title": "Brent"}
        body = (await client.post("/v1/checks", json=draft)).json()
        assert body["run"]["published"] == {"draft": "2024-03-05"} and body["run"]["lang"] == {"draft": "en"}
        # A month is a valid date, as on the command line.
        month = (await client.post("/v1/checks", json={"text": "Brent averaged $82.49 a barrel.", "published": "2024-02"})).json()
        assert month["run"]["published"] == {"draft": "2024-02-01"}


@pytest.mark.parametrize(
    "content_type,name",
    [("text/plain", "draft.txt"), ("text/markdown; charset=utf-8", "draft.md"), ("text/html", "draft.html")],
)
async def test_raw_bodies_with_metadata_in_the_query(tmp_path, content_type, name):
    text = "Brent crude averaged 82.5 dollars a barrel in 2023."
    content = f"<!doctype html><html lang='en'><body><article><p>{text}</p></article></body></html>" if "html" in content_type else text
    async with service(tmp_path) as client:
        r = await client.post("/v1/checks?lang=en&published=2024-03-01", content=content.encode(), headers={"content-type": content_type})
        assert r.status_code == 201, r.text
        body = r.json()
        assert body["run"]["documents"] == [name] and body["run"]["published"] == {name: "2024-03-01"}
        assert [v["status"] for v in body["verdicts"]] == ["supported"]


async def test_markdown_front_matter_is_read(tmp_path):
    draft = "---\ntitle: Brent\ndate: 2024-03-05\nlang: en\n---\nBrent averaged $82.49 a barrel in 2023.\n"
    async with service(tmp_path) as client:
        body = (await client.post("/v1/checks", content=draft.encode(), headers={"content-type": "text/markdown"})).json()
        assert body["run"]["published"] == {"draft.md": "2024-03-05"}


async def test_uploads_of_each_article_kind(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("date 2024-03")
    document.add_paragraph("Brent crude averaged 82.5 dollars a barrel in 2023.")
    buffer = io.BytesIO()
    document.save(buffer)
    uploads = {
        "note.md": SEED_TEXT.encode(),
        "page.html": b"<html lang='en'><body><main><p>Brent crude averaged 82.5 dollars a barrel in 2023.</p></main></body></html>",
        "draft.docx": buffer.getvalue(),
        "latin1.txt": "date 2024-02\nLes échanges ont atteint 240 milliards de dollars en 2023.".encode("latin-1"),
    }
    async with service(tmp_path) as client:
        for name, data in uploads.items():
            r = await client.post("/v1/checks", files={"file": (f"C:\\drafts\\{name}", data)}, data={"title": "From a form", "published": "2024-03-01"})
            assert r.status_code == 201, (name, r.text)
            assert r.json()["run"]["documents"] == [name]  # the file's own name, no directories
        listed = (await client.get("/v1/checks")).json()["items"]
        assert {item["title"] for item in listed} == {"From a form"}


async def test_form_text_field(tmp_path):
    async with service(tmp_path) as client:
        r = await client.post("/v1/checks", data={"text": SEED_TEXT, "lang": ""}, files={"file": ("", b"")})
        assert r.status_code == 201 and r.json()["run"]["lang"] == {"draft": "fr"}


@pytest.mark.parametrize(
    "kwargs,status,detail",
    [
        ({"json": {"text": ""}}, 422, "text"),
        ({"json": {"text": "   \n"}}, 422, "text"),
        ({"json": {"text": "x", "published": "24/02/2024"}}, 422, "published"),
        ({"json": {"text": "Brent rose.", "published": "2024-02-30"}}, 422, "2024-02-30"),
        ({"json": {"text": "Brent rose.", "lang": "xx"}}, 422, "lang"),
        # Nothing in a request chooses what the server fetches.
        ({"json": {"text": "Brent rose.", "sources": ["worldbank"]}}, 422, "sources"),
        ({"json": {"text": "Brent rose.", "url": "http://169.254.169.254/"}}, 422, "url"),
        ({"content": b"{", "headers": {"content-type": "application/json"}}, 422, "JSON"),
        ({"content": b"\x00\x01binary", "headers": {"content-type": "text/plain"}}, 422, "binary"),
        ({"content": b"Brent rose.", "headers": {"content-type": "application/pdf"}}, 415, "application/pdf"),
        ({"content": b"Brent rose."}, 415, "none"),
        ({"files": {"file": ("report.pdf", b"%PDF-1.7")}}, 415, "report.pdf"),
        ({"files": {"file": ("a.md", b"Brent rose.")}, "data": {"text": "Brent rose."}}, 422, "not both"),
        ({"data": {"text": " "}, "files": {"file": ("", b"")}}, 422, "no draft"),
        ({"files": {"file": ("broken.docx", b"PK\x03\x04 not a zip")}}, 422, "docx"),
        ({"content": b"Brent rose.", "headers": {"content-type": "text/plain"}, "params": {"published": "soon"}}, 422, "published"),
    ],
)
async def test_bad_drafts_are_one_line_problems(tmp_path, kwargs, status, detail):
    async with service(tmp_path) as client:
        body = assert_problem(await client.post("/v1/checks", **kwargs), status)
        assert detail in body["detail"] and "\n" not in body["detail"] and "Traceback" not in body["detail"]
        assert (await client.get("/v1/checks")).json()["items"] == []  # nothing refused is kept


async def test_body_limit_declared_and_streamed(tmp_path):
    async with service(tmp_path, max_body_bytes=1000) as client:
        body = assert_problem(await client.post("/v1/checks", content=b"x" * 1001, headers={"content-type": "text/plain"}), 413)
        assert "1000 bytes" in body["detail"]

        async def chunks():  # no Content-Length: the limit counts what arrives
            for _ in range(20):
                yield b"Brent rose. " * 10

        assert_problem(await client.post("/v1/checks", content=chunks(), headers={"content-type": "text/plain"}), 413)
        ok = await client.post("/v1/checks", json={"text": "Brent averaged $82.49 a barrel in 2023.", "lang": "en"})
        assert ok.status_code == 201


async def test_token_guards_writes_only(tmp_path, monkeypatch):
    monkeypatch.setenv("VERIFIER_TOKEN", "s3cret-token")
    from verifier.service.settings import from_env

    app = create_app(from_env(db=tmp_path / "checks.sqlite3", isolation="thread", concurrency=2))
    draft = {"text": "Brent averaged $82.49 a barrel in 2023.", "lang": "en"}
    async with client_for(app) as client:
        missing = await client.post("/v1/checks", json=draft)
        assert_problem(missing, 401)
        assert missing.headers["www-authenticate"].startswith("Bearer")
        assert_problem(await client.post("/v1/checks", json=draft, headers={"authorization": "Bearer wrong"}), 401)
        assert_problem(await client.post("/v1/checks", data={"text": draft["text"], "token": "wrong"}, files={"file": ("", b"")}), 401)
        ok = await client.post("/v1/checks", json=draft, headers={"authorization": "Bearer s3cret-token"})
        assert ok.status_code == 201
        form = await client.post("/v1/checks", data={"text": draft["text"], "token": "s3cret-token"}, files={"file": ("", b"")})
        assert form.status_code == 201
        # Reads stay open, and the token is in no answer.
        for path in (ok.headers["location"], ok.headers["location"] + ".html", "/v1/checks", "/", "/healthz"):
            r = await client.get(path)
            assert r.status_code == 200 and "s3cret-token" not in r.text
        assert 'name="token"' in (await client.get("/")).text


async def test_a_browser_is_sent_to_the_html_report_and_shown_errors_as_a_page(tmp_path):
    browser = {"accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
    async with service(tmp_path) as client:
        r = await client.post("/v1/checks", data={"text": SEED_TEXT}, files={"file": ("", b"")}, headers=browser)
        assert r.status_code == 303 and r.headers["location"].endswith(".html")
        assert (await client.get(r.headers["location"])).status_code == 200
        error = await client.post("/v1/checks", data={"text": ""}, files={"file": ("", b"")}, headers=browser)
        assert error.status_code == 422 and error.headers["content-type"].startswith("text/html")
        assert "no draft" in error.text and 'href="/"' in error.text


async def test_every_error_has_the_problem_shape(tmp_path):
    async with service(tmp_path) as client:
        assert_problem(await client.get("/v1/checks/0123456789abcdef0123456789abcdef"), 404)
        assert_problem(await client.get("/v1/checks/nope.html"), 404)
        assert_problem(await client.get("/no/such/route"), 404)
        assert_problem(await client.delete("/v1/checks"), 405)
        assert_problem(await client.put("/v1/checks/abc"), 405)
        assert_problem(await client.get("/v1/checks", params={"limit": 0}), 422)
        assert_problem(await client.get("/v1/checks", params={"cursor": "x"}), 422)


async def test_the_served_html_report_links_back_to_the_form_and_a_file_report_does_not(tmp_path):
    import httpx

    from verifier.render import render

    async with service(tmp_path) as client:
        location = (await client.post("/v1/checks", json={"text": SEED_TEXT})).headers["location"]
        page = (await client.get(location + ".html")).text
        stored = Report.model_validate_json((await client.get(location)).text)
    assert page.count('<a href="/">') == 1 and "Check another draft" in page
    assert "Check another draft" not in render(stored, "html")  # what `check` writes to a file: nowhere to go back to
    # Mounted under a prefix by a proxy, the link goes to the form under that prefix.
    app = create_app(settings(tmp_path))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app, root_path="/verifier")
        async with httpx.AsyncClient(transport=transport, base_url="http://verifier.test") as prefixed:
            assert '<a href="/verifier/">' in (await prefixed.get(location + ".html")).text


async def test_the_openapi_says_how_to_page_and_a_client_can_follow_it(tmp_path):
    async with service(tmp_path) as client:
        ids = [
            (await client.post("/v1/checks", json={"text": f"Brent averaged $80 a barrel in {y}.", "lang": "en"})).headers["location"].rsplit("/", 1)[1]
            for y in range(2018, 2023)
        ]
        spec = (await client.get("/openapi.json")).json()
        listing = spec["paths"]["/v1/checks"]["get"]
        assert "cursor" in listing["description"] and "null on the last page" in listing["description"]
        page_schema = spec["components"]["schemas"]["Page"]["properties"]
        assert "the next (older) page" in page_schema["next_cursor"]["description"] and page_schema["items"]["description"]
        (link,) = listing["responses"]["200"]["links"].values()
        assert link["operationId"] == listing["operationId"]
        params = {p["name"]: p for p in listing["parameters"]}
        assert set(link["parameters"]) <= set(params) and all(p["description"] for p in params.values())

        # Follow the documented link as a generic client would, from the first page to the last.
        seen, query = [], {"limit": 2}
        for _ in range(10):
            body = (await client.get("/v1/checks", params=query)).json()
            seen += [item["id"] for item in body["items"]]
            if body["next_cursor"] is None:
                break
            query = {name: _runtime_expression(expr, query, body) for name, expr in link["parameters"].items()}
        assert seen == ids[::-1]


def _runtime_expression(expression: str, query: dict, body: dict):
    """An OpenAPI runtime expression of the two kinds a paging link uses."""
    if expression.startswith("$request.query."):
        return query[expression.removeprefix("$request.query.")]
    pointer = expression.removeprefix("$response.body#")
    value = body
    for part in pointer.strip("/").split("/"):
        value = value[part]
    return value


async def test_listing_pages_newest_first(tmp_path):
    async with service(tmp_path) as client:
        ids = []
        for year in (2021, 2022, 2023):
            r = await client.post("/v1/checks", json={"text": f"Brent averaged $80 a barrel in {year}.", "lang": "en", "title": str(year)})
            ids.append(r.headers["location"].rsplit("/", 1)[1])
        first = (await client.get("/v1/checks", params={"limit": 2})).json()
        assert [i["id"] for i in first["items"]] == ids[:0:-1] and first["next_cursor"]
        assert first["items"][0]["title"] == "2023" and first["items"][0]["stats"]["claims"] == 1
        rest = (await client.get("/v1/checks", params={"limit": 2, "cursor": first["next_cursor"]})).json()
        assert [i["id"] for i in rest["items"]] == ids[:1] and rest["next_cursor"] is None
        page = await client.get("/")
        assert all(f"/v1/checks/{i}.html" in page.text for i in ids)


async def test_no_cors_by_default(tmp_path):
    async with service(tmp_path) as client:
        preflight = await client.options(
            "/v1/checks", headers={"origin": "https://elsewhere.example", "access-control-request-method": "POST"}
        )
        assert "access-control-allow-origin" not in preflight.headers
        r = await client.get("/v1/checks", headers={"origin": "https://elsewhere.example"})
        assert "access-control-allow-origin" not in r.headers


async def test_health_and_openapi(tmp_path):
    async with service(tmp_path) as client:
        health = (await client.get("/healthz")).json()
        assert health["status"] == "ok" and health["sources"] == ["snapshot"]
        spec = (await client.get("/openapi.json")).json()
        assert {"/v1/checks", "/v1/checks/{check_id}", "/v1/checks/{check_id}.html", "/healthz", "/"} <= set(spec["paths"])
        body = spec["paths"]["/v1/checks"]["post"]["requestBody"]["content"]
        assert {"application/json", "text/plain", "text/markdown", "multipart/form-data"} <= set(body)
        assert (await client.get("/docs")).status_code == 404  # Swagger UI would load a CDN's scripts


class _Gate:
    """A check that waits until the test lets it finish."""

    def __init__(self, monkeypatch):
        import verifier.service.jobs as jobs

        self.started, self.release = threading.Event(), threading.Event()
        real = jobs.verify

        def slow(*args, **kwargs):
            self.started.set()
            self.release.wait(10)
            return real(*args, **kwargs)

        monkeypatch.setattr(jobs, "verify", slow)


async def test_bounded_queue_answers_503_when_full(tmp_path, monkeypatch):
    draft = {"text": "Brent averaged $82.49 a barrel in 2023.", "lang": "en"}
    async with service(tmp_path, concurrency=1, max_pending=1) as client:
        gate = _Gate(monkeypatch)  # after the start-up's warm-up check
        first = asyncio.create_task(client.post("/v1/checks", json=draft))
        await asyncio.to_thread(gate.started.wait, 5)
        busy = await client.post("/v1/checks", json=draft)
        assert_problem(busy, 503)
        assert busy.headers["retry-after"] == "1"
        gate.release.set()
        assert (await first).status_code == 201


async def test_a_check_past_its_deadline_is_504_and_not_kept(tmp_path, monkeypatch):
    async with service(tmp_path, check_timeout_s=0.2) as client:
        gate = _Gate(monkeypatch)
        r = await client.post("/v1/checks", json={"text": "Brent averaged $82.49 a barrel in 2023.", "lang": "en"})
        assert_problem(r, 504)
        gate.release.set()
        await asyncio.sleep(0.1)
        assert (await client.get("/v1/checks")).json()["items"] == []


async def test_nothing_is_acknowledged_unless_stored(tmp_path):
    class FullDisk(SQLiteStore):
        def put(self, check):
            raise OSError(28, "No space left on device")

    app = create_app(settings(tmp_path), open_store=lambda: FullDisk(tmp_path / "full.sqlite3"))
    async with client_for(app) as client:
        r = await client.post("/v1/checks", json={"text": SEED_TEXT})
        assert_problem(r, 503)
        assert "location" not in r.headers


async def test_reports_survive_a_restart(tmp_path):
    db = tmp_path / "checks.sqlite3"
    first = create_app(settings(tmp_path, db=db))
    async with client_for(first) as client:
        posted = await client.post("/v1/checks", json={"text": SEED_TEXT, "title": "Poutine et Xi"})
        location = posted.headers["location"]

    second = create_app(settings(tmp_path, db=db))
    async with client_for(second) as client:
        again = await client.get(location)
        assert again.status_code == 200 and again.json() == posted.json()
        assert Report.model_validate(again.json()).stats.claims == posted.json()["stats"]["claims"]
        assert "Poutine et Xi" in (await client.get("/")).text
        assert (await client.get(location + ".html")).status_code == 200


async def test_checks_run_in_worker_processes_by_default(tmp_path):
    """The default isolation: checks in spawned worker processes, warmed up
    by the app's lifespan. Same report as in a thread."""
    app = create_app(settings(tmp_path, isolation="process", concurrency=1))
    async with client_for(app) as client:
        r = await client.post("/v1/checks", json={"text": SEED_TEXT})
        assert r.status_code == 201
        health = (await client.get("/healthz")).json()
    assert _comparable(r.json()) == _comparable(await _library_report(SEED_TEXT))
    assert health["pending"] == 0



@pytest.mark.parametrize(
    "accept,html",
    [
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", True),  # a browser navigating
        ("*/*", False),  # curl, httpx, most clients
        ("", False),
        ("application/json", False),
        ("text/html;q=0.5, application/json", False),
        ("application/json;q=0.1, text/html", True),
        ("text/html;q=0", False),
        ("text/html;q=oops", False),
    ],
)
def test_who_gets_html(accept, html):
    from starlette.requests import Request

    from verifier.service.page import wants_html

    scope = {"type": "http", "method": "POST", "path": "/", "headers": [(b"accept", accept.encode())] if accept else []}
    assert wants_html(Request(scope)) is html
