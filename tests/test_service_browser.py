"""A person's path through the service, in a real browser: open `/`, paste
the seed article, submit, and read the report with its verdicts.

Headless Debian chromium driven by Playwright, against uvicorn serving the
app on a free loopback port in a thread. `.ci/run` installs both; elsewhere
the test is skipped when they are missing (in CI a missing browser fails it).
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest
from service_support import SEED_TEXT, settings

from verifier.service import create_app

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]


def _require(ready: bool, why: str) -> None:
    if not ready:
        if os.environ.get("CI"):
            pytest.fail(f"{why} (CI installs it: see .ci/run)")
        pytest.skip(why)


@pytest.fixture
def server_url(tmp_path):
    uvicorn = pytest.importorskip("uvicorn")
    app = create_app(settings(tmp_path))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture
def page():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _require(False, "playwright is not installed")
    _require(CHROMIUM.exists(), f"{CHROMIUM} is not installed")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser.new_page()
        finally:
            browser.close()


def test_paste_submit_and_read_the_report(server_url, page, tmp_path):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))

    page.goto(server_url + "/")
    assert page.title() == "verifier — check a draft"
    page.fill("#text", SEED_TEXT)
    with page.expect_navigation():
        page.click("button[type=submit]")

    assert page.url.startswith(server_url + "/v1/checks/") and page.url.endswith(".html")
    report_path = page.url.removeprefix(server_url)
    assert page.title().startswith("Fact-check report")
    body = page.inner_text("body")
    assert "Supported" in body and "Unverifiable" in body
    # The seed's trade figure, highlighted in the article and carded.
    assert "218,2 milliards de dollars" in body
    page.screenshot(path=str(Path(os.environ.get("VERIFIER_SCREENSHOTS", tmp_path)) / "report.png"), full_page=True)

    # The report's own link leads back to the form, where the check is listed and links to the same report.
    with page.expect_navigation():
        page.click("text=Check another draft")
    assert page.url == server_url + "/"
    assert page.locator("table a").first.get_attribute("href") == report_path
    page.screenshot(path=str(Path(os.environ.get("VERIFIER_SCREENSHOTS", tmp_path)) / "form.png"), full_page=True)
    # Nothing was fetched from anywhere but the service.
    assert requested and all(url.startswith(server_url) for url in requested)


def test_an_empty_submission_shows_what_to_fix(server_url, page):
    page.goto(server_url + "/")
    with page.expect_navigation():
        page.click("button[type=submit]")
    assert "no draft" in page.inner_text("body")
    page.click("text=Back to the form")
    assert page.locator("#text").count() == 1
