"""The HTML report in a real browser: Debian's chromium driven by Playwright.

The report is opened from disk as a reader would open it. Every request the
page makes is routed through the test, which lets only the report file
itself through; dialogs, console messages and page errors are recorded, so
a payload that ran, or a resource the page tried to fetch, fails the test.
"""

from __future__ import annotations

import json
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from verifier.cli import main

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parent.parent
SCREENSHOT = ROOT / "docs" / "report-screenshot.png"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is missing (apt-get install chromium; .ci/run installs it)"),
]

HOSTILE = """---
title: <script>alert('title')</script>Draft
date: 2024-02
lang: fr
---
Les échanges entre la Chine et la Russie ont atteint 218,2 milliards de dollars <img src=x onerror="alert('img')"> entre janvier et novembre, selon les douanes chinoises.

<script>alert('script')</script><svg onload="alert('svg')"></svg>
La Russie est devenue le premier fournisseur de pétrole brut de la Chine en 2023 [source](javascript:alert('md-link')).

<a href="javascript:alert('a')" onclick="alert('click')">cliquez</a></div></main><iframe src="https://example.org/"></iframe>
Les deux dirigeants se sont rencontrés à deux reprises l'année dernière. <style>body{background:url(https://example.org/x.png)}</style>
"""


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        )
        yield launched
        launched.close()


def write_report(source: Path, out: Path) -> tuple[Path, dict]:
    # In a thread of its own: Playwright's sync API keeps an event loop running
    # in this one, and `check` starts its own.
    with ThreadPoolExecutor(1) as pool:
        # Relative when it can be, as a user would type it: the page shows it.
        name = os.path.relpath(source) if source.is_relative_to(Path.cwd()) else str(source)
        code = pool.submit(main, ["check", name, "--report-dir", str(out), "--format", "line"]).result()
    assert code in (0, 1)
    stem = source.stem
    return out / f"{stem}.html", json.loads((out / f"{stem}.json").read_text())


class Watched:
    """A page whose every request, dialog, console message and error is recorded."""

    def __init__(self, browser, path: Path):
        self.context = browser.new_context(viewport={"width": 1100, "height": 800}, java_script_enabled=True)
        self.page = self.context.new_page()
        self.url = path.as_uri()
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.console: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._route)
        self.page.on("dialog", self._dialog)
        self.page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.context.on("page", lambda p: self.errors.append(f"a new page opened: {p.url}"))
        self.page.goto(self.url)

    def _route(self, route):
        url = route.request.url
        self.requests.append(url)
        if url == self.url:
            route.continue_()
        else:
            route.abort()

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def close(self):
        self.context.close()


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory, seed_path_module):
    return write_report(seed_path_module, tmp_path_factory.mktemp("seed-report"))


@pytest.fixture(scope="module")
def seed_path_module():
    from conftest import SEED

    return SEED


def in_view(page, selector: str) -> bool:
    return page.eval_on_selector(
        selector,
        "e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight && r.bottom > 0; }",
    )


def test_one_highlight_per_claim_and_clicking_one_shows_its_card(browser, seed_report, tmp_path):
    path, report = seed_report
    w = Watched(browser, path)
    try:
        page = w.page
        highlights = page.locator(".article a.hl")
        assert highlights.count() == len(report["verdicts"]) == report["stats"]["claims"] == 4
        for i in range(highlights.count()):
            page.evaluate("window.scrollTo(0, 0)")
            link = highlights.nth(i)
            target = link.get_attribute("href")
            assert target.startswith("#")
            card = f"article.card[id='{target[1:]}']"
            assert not in_view(page, card), "the card should start out of view for the click to prove anything"
            link.click()
            page.wait_for_function("h => location.hash === h", arg=target)
            assert in_view(page, card)
            # The card is the one for this claim: its highlighted words are the link's.
            words = link.inner_text().rstrip("✔✖?")
            assert page.locator(f"{card} blockquote mark").inner_text() == words

        # Keyboard: Tab reaches a highlight, Enter follows it.
        page.evaluate("window.scrollTo(0, 0)")
        first = highlights.first
        first.focus()
        page.keyboard.press("Enter")
        page.wait_for_function("h => location.hash === h", arg=first.get_attribute("href"))
        assert in_view(page, f"article.card[id='{first.get_attribute('href')[1:]}']")
        # Each highlight tells a screen reader the verdict, not just a colour.
        assert all(
            label.split(":")[0] in ("Supported", "Contradicted", "Unverifiable")
            for label in highlights.evaluate_all("els => els.map(e => e.getAttribute('aria-label'))")
        )

        page.evaluate("window.scrollTo(0, 0)")
        shot = tmp_path / "seed-report.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000
        if os.environ.get("VERIFIER_UPDATE_SCREENSHOT"):
            # The docs show the top of the page: overview, article, first cards.
            page.screenshot(path=str(SCREENSHOT), full_page=True, clip={"x": 0, "y": 0, "width": 1100, "height": 2900})
        assert w.requests == [w.url], "a request left the page"
        assert not w.dialogs and not w.errors and not w.console
    finally:
        w.close()


def test_no_request_leaves_the_page(browser, seed_report):
    path, _ = seed_report
    w = Watched(browser, path)
    try:
        page = w.page
        page.wait_for_load_state("networkidle")
        # Every in-page link followed, every external link left alone by the
        # test but its target checked: a new tab would be a request.
        for link in page.locator("a[href^='#']").all():
            link.click()
        externals = page.locator("a[href^='http']")
        assert externals.count() > 0
        assert all(rel == "noopener noreferrer" for rel in externals.evaluate_all("els => els.map(e => e.rel)"))
        assert w.requests == [w.url]
        assert not w.console and not w.errors
    finally:
        w.close()


def test_a_hostile_draft_executes_nothing(browser, tmp_path):
    draft = tmp_path / "hostile.md"
    draft.write_text(HOSTILE, encoding="utf-8")
    path, report = write_report(draft, tmp_path / "reports")
    assert report["stats"]["claims"] >= 2
    w = Watched(browser, path)
    try:
        page = w.page
        page.wait_for_load_state("networkidle")
        for link in page.locator("a[href^='#']").all():
            link.click()
        page.mouse.move(10, 10)
        page.keyboard.press("End")

        assert not w.dialogs, f"a payload ran: {w.dialogs}"
        assert not w.console, w.console
        assert not w.errors, w.errors
        assert w.requests == [w.url], "the page asked for something besides itself"
        dom = page.evaluate(
            """() => ({
                scripts: document.scripts.length,
                frames: document.querySelectorAll('iframe, img, object, embed').length,
                handlers: [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
                jsLinks: [...document.querySelectorAll('a')].filter(a => a.href.startsWith('javascript:')).length,
                title: document.title,
            })"""
        )
        assert dom == {"scripts": 0, "frames": 0, "handlers": 0, "jsLinks": 0, "title": dom["title"]}
        # The payloads are there, as text a reader can see.
        text = page.locator(".article").inner_text()
        assert "<script>alert('script')</script>" in text
        assert "onerror=\"alert('img')\"" in text and "javascript:alert('md-link')" in text
        assert "<script>alert('title')</script>" in dom["title"]
    finally:
        w.close()


def test_the_watch_catches_what_the_tests_above_rule_out(browser, tmp_path):
    """The same watch on a page that does misbehave: without this, a watch
    that saw nothing would pass every test above."""
    page = tmp_path / "bad.html"
    page.write_text(
        "<!doctype html><title>bad</title><img src='https://example.org/x.png'>"
        "<script>alert('ran'); console.error('logged');</script>"
        "<img src=x onerror=\"throw new Error('thrown')\">"
    )
    w = Watched(browser, page)
    try:
        w.page.wait_for_load_state("networkidle")
        assert w.dialogs == ["ran"]
        assert "https://example.org/x.png" in w.requests and len(w.requests) > 1
        assert any("logged" in m for m in w.console)
        assert any("thrown" in e for e in w.errors)
    finally:
        w.close()


def test_the_series_chart_draws_inline(browser, tmp_path):
    draft = tmp_path / "change.md"
    draft.write_text(
        "---\ndate: 2024-02-08\nlang: en\n---\nChina's crude oil imports from Russia rose 40% in 2023.\n", encoding="utf-8"
    )
    path, report = write_report(draft, tmp_path / "reports")
    assert [v["code"] for v in report["verdicts"]] == ["value-mismatch"]
    w = Watched(browser, path)
    try:
        chart = w.page.locator("figure.chart svg")
        assert chart.count() == 1
        box = chart.bounding_box()
        assert box["width"] > 300 and box["height"] > 100
        assert chart.locator("circle").count() == 2 and chart.locator("rect.band").count() == 1
        # The band is drawn in the card's status colour, not left unstyled (black).
        assert chart.locator("rect.band").evaluate("e => getComputedStyle(e).stroke") != "none"
        w.page.locator("article.card").screenshot(path=str(tmp_path / "chart-card.png"))
        assert w.requests == [w.url] and not w.console and not w.errors
    finally:
        w.close()
