"""The renderers for people (cli, html) and the json one, over a hand-built report."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

import pytest

from verifier.errors import ConfigError
from verifier.models import Claim, Document, Evidence, Interval, Metric, Period, Place, Quantity, Report, RunInfo, Stats, Verdict
from verifier.readable import format_interval, format_magnitude
from verifier.render import RENDERERS, render
from verifier.render.html import safe_href
from verifier.render.verdicts import summary_line

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(1)>"
PATH = "news/article.txt"
HEADER = "date 2024-02\n"
BODY = (
    "Les échanges entre la Chine et la Russie ont atteint 218,2 milliards de dollars "
    "entre janvier et novembre. La Russie est devenue le premier fournisseur de pétrole "
    "brut de la Chine en 2023. Ils se sont rencontrés à deux reprises l'année dernière.\n"
)
TEXT = HEADER + BODY
YEAR_2023 = Period(start=dt.date(2023, 1, 1), end=dt.date(2023, 12, 31), label="2023")
JAN_NOV = Period(start=dt.date(2023, 1, 1), end=dt.date(2023, 11, 30), label="January–November 2023")
RETRIEVED = dt.datetime(2024, 2, 10, 9, 30, tzinfo=dt.UTC)


def _claim(cid: str, kind: str, words: str, text: str = TEXT, **fields) -> Claim:
    start = text.index(words)
    doc = Document(path=PATH, text=text, lang="fr")
    sentence = next(s for s in re.split(r"(?<=\.) ", text) if words in s).strip()
    return Claim(id=cid, kind=kind, text=words, sentence=sentence, span=doc.locate(start, start + len(words)), **fields)


def _evidence(value: float, unit: str, place: str, partner: str | None, period: Period, **fields) -> Evidence:
    defaults = dict(source="comtrade", series="TOTAL", url="https://comtradeapi.un.org/data/v1/get/C/M/HS", retrieved=RETRIEVED)
    return Evidence(place=place, partner=partner, period=period, value=value, unit=unit, **(defaults | fields))


def make_report(text: str = TEXT, *, hostile: bool = False) -> tuple[Report, dict[str, Document]]:
    """Three verdicts, one per status; `hostile` plants markup and a javascript: URL in every field that reaches the page."""
    evil = f" {XSS_SCRIPT} {XSS_IMG}" if hostile else ""
    trade = _claim(
        "c1", "amount", "218,2 milliards de dollars", text,
        quantity=Quantity(value=218.2e9, unit="USD", precision=5e7),
        period=JAN_NOV,
        places=[Place(code="CHN", text="la Chine", role="subject"), Place(code="RUS", text="la Russie", role="counterpart")],
        metric=Metric(id="trade.total", text="échanges"),
        attribution="douanes chinoises" + evil,
    )
    crude = _claim(
        "c2", "ranking", "premier fournisseur de pétrole brut", text,
        rank=1,
        period=YEAR_2023,
        places=[Place(code="RUS", text="La Russie", role="subject"), Place(code="CHN", text="la Chine", role="counterpart")],
        metric=Metric(id="crude.imports", text="pétrole brut"),
    )
    meetings = _claim("c3", "count", "à deux reprises", text, quantity=Quantity(value=2, unit=""), period=YEAR_2023)
    verdicts = [
        Verdict(
            claim=trade, document=PATH, status="supported", code="supported", level="info",
            message="China's customs report 218.17 bn USD for January–November 2023." + evil,
            interval=Interval(low=218.15e9, high=218.25e9),
            evidence=[
                _evidence(
                    218.17e9, "USD", "CHN", "RUS", JAN_NOV,
                    publisher="UN Statistics Division" + evil,
                    note="China reports January and February together." + evil,
                    url="javascript:alert(1)" if hostile else "https://comtradeapi.un.org/data/v1/get/C/M/HS?reporterCode=156",
                )
            ],
        ),
        Verdict(
            claim=crude, document=PATH, status="contradicted", code="rank-mismatch", level="error",
            message="The source ranks Russia #2 among China's crude suppliers in 2023.",
            evidence=[
                _evidence(85.96e6, "tonne", "CHN", "RUS", YEAR_2023, series="2709"),
                _evidence(107.02e6, "tonne", "CHN", "SAU", YEAR_2023, series="2709"),
            ],
        ),
        Verdict(
            claim=meetings, document=PATH, status="unverifiable", code="no-metric", level="suggestion",
            message="The claim's figure names no indicator any source serves.",
        ),
    ]
    report = Report(
        verdicts=verdicts,
        stats=Stats(claims=3, supported=1, contradicted=1, unverifiable=1, documents=1),
        run=RunInfo(
            version="0.1.0",
            started=dt.datetime(2024, 2, 10, 9, 29, tzinfo=dt.UTC),
            duration_s=1.234,
            sources=["comtrade", "snapshot"],
            documents=[PATH],
        ),
    )
    doc = Document(path=PATH, text=text, lang="fr", published=dt.date(2024, 2, 9), skipped=[(0, len(HEADER))])
    return report, {PATH: doc}


class Tags(HTMLParser):
    """Every start tag with its attributes, as a browser's tokenizer sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Tags()
    parser.feed(html)
    return parser.tags


# --- numbers -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (218.17e9, "USD", "218.17 bn USD"),
        (107.02e6, "tonne", "107.02 Mt"),
        (2.0, "", "2"),
        (5.5, "%", "5.5%"),
        (1.2e6, "barrel / day", "1.2 M barrel/day"),
        (12345.678, "USD", "12,345.68 USD"),
        (3.2e13, "USD", "32 tn USD"),
    ],
)
def test_format_magnitude(value, unit, expected):
    assert format_magnitude(value, unit) == expected


def test_format_interval_keeps_close_bounds_apart():
    assert format_interval(Interval(low=218.15e9, high=218.25e9), "USD") == "218.15 – 218.25 bn USD"
    assert format_interval(Interval(low=218.195e9, high=218.205e9), "USD") == "218.195 – 218.205 bn USD"
    assert format_interval(Interval(low=220e6, high=None, low_inclusive=False), "USD") == "> 220 M USD"
    assert format_interval(Interval(low=None, high=None)) == "any value"


def test_summary_line():
    counts = {"contradicted": 1, "unverifiable": 1, "supported": 2}
    assert summary_line(counts, 1) == "✖ 1 contradicted, 1 unverifiable, 2 supported in 1 file"
    assert summary_line({"contradicted": 0, "unverifiable": 0, "supported": 3}, 2).startswith("✔ ")
    assert summary_line({"contradicted": 0, "unverifiable": 0, "supported": 0}, 2) == "No claims found in 2 files"


# --- registry and json -------------------------------------------------------


def test_registry_names_and_unknown_format():
    assert {"json", "cli", "html"} <= set(RENDERERS)
    report, docs = make_report()
    with pytest.raises(ConfigError, match="unknown output format"):
        render(report, "yaml", docs)


def test_json_round_trips():
    report, docs = make_report()
    out = render(report, "json", docs)
    assert Report.model_validate_json(out) == report


# --- cli ---------------------------------------------------------------------


def test_cli_lists_every_claim_and_the_summary():
    report, docs = make_report()
    out = RENDERERS["cli"](report, docs, color=False, width=200)
    for v in report.verdicts:
        assert v.claim.text in out
        assert f"{PATH}:{v.claim.span.line}:{v.claim.span.column}" in out
    for word in ("✔ supported", "✖ contradicted", "? unverifiable"):
        assert word in out
    assert "218.17 bn USD" in out
    assert "107.02 Mt SAU" in out  # a ranking's table reads from the top
    assert out.index("107.02 Mt") < out.index("85.96 Mt")
    assert out.rstrip().splitlines()[-1] == "✖ 1 contradicted, 1 unverifiable, 1 supported in 1 file"


def test_cli_colour_only_when_asked():
    report, docs = make_report()
    assert "\x1b[" not in render(report, "cli", docs, color=False, width=200)
    assert "\x1b[" in render(report, "cli", docs, color=True, width=200)


def test_cli_does_not_interpret_markup_in_article_text():
    report, docs = make_report()
    first = report.verdicts[0]
    marked = first.model_copy(update={"claim": first.claim.model_copy(update={"text": "[bold]218,2[/bold] milliards de dollars"})})
    report = report.model_copy(update={"verdicts": [marked, *report.verdicts[1:]]})
    out = render(report, "cli", docs, color=False, width=200)
    assert "[bold]218,2[/bold] milliards de dollars" in out


# --- html --------------------------------------------------------------------


@pytest.fixture
def hostile_html() -> str:
    text = TEXT.replace("Ils se sont", f"{XSS_SCRIPT} {XSS_IMG} Ils se sont")
    report, docs = make_report(text, hostile=True)
    return render(report, "html", docs)


def test_html_escapes_everything_from_articles_and_sources(hostile_html):
    low = hostile_html.lower()
    assert "<script" not in low
    assert "<img" not in low
    # "onerror=" may only survive as escaped text, never inside a tag.
    assert "onerror" not in low.replace("&lt;img src=x onerror=alert(1)&gt;", "")
    assert 'href="javascript:' not in low
    assert all("onerror" not in attrs for _, attrs in tags(hostile_html))
    assert not any((attrs.get("href") or "").lower().startswith("javascript:") for _, attrs in tags(hostile_html))
    # Escaped, not dropped: the reader still sees what the article and the source said.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in hostile_html
    assert "javascript:alert(1)" in hostile_html


def test_html_one_highlight_per_claim_linking_to_its_card():
    report, docs = make_report()
    html = render(report, "html", docs)
    parsed = tags(html)
    ids = [attrs["id"] for _, attrs in parsed if attrs.get("id")]
    assert len(ids) == len(set(ids)), "duplicate ids"
    highlights = [attrs for tag, attrs in parsed if tag == "a" and "hl" in (attrs.get("class") or "").split()]
    assert len(highlights) == len(report.verdicts)
    cards = {attrs["id"]: attrs for tag, attrs in parsed if tag == "article" and "card" in (attrs.get("class") or "")}
    for h, v in zip(highlights, report.verdicts, strict=True):
        target = h["href"].removeprefix("#")
        assert target in cards
        assert f"st-{v.status}" in cards[target]["class"]
        assert f"st-{v.status}" in h["class"]
        assert v.status.capitalize() in h["aria-label"]


def test_html_highlights_the_exact_spans():
    report, docs = make_report()
    html = render(report, "html", docs)
    for v in report.verdicts:
        assert re.search(rf'<a class="hl st-{v.status}"[^>]*>{re.escape(v.claim.text)}<span class="icon"', html)
    assert f'<span class="skipped" title="Not checked: header, front matter or a verifier directive">{HEADER}</span>' in html
    assert '<div class="article" lang="fr"' in html


def test_html_overlapping_spans_stay_well_formed():
    report, docs = make_report()
    first = report.verdicts[0]
    start = first.claim.span.start
    overlapping = first.model_copy(
        update={"claim": first.claim.model_copy(update={"id": "c4", "span": first.claim.span.model_copy(update={"start": start + 6, "end": start + 40})})}
    )
    inside = first.model_copy(
        update={"claim": first.claim.model_copy(update={"id": "c5", "span": first.claim.span.model_copy(update={"start": start + 2, "end": start + 5})})}
    )
    report = report.model_copy(update={"verdicts": [*report.verdicts, overlapping, inside]})
    html = render(report, "html", docs)
    article = re.search(r'<div class="article".*?</div>', html, re.S).group(0)
    assert article.count('<a class="hl') == len(report.verdicts)
    assert article.count("</a>") == len(report.verdicts)
    assert not re.search(r"<a [^>]*>[^<]*<a ", article), "nested links"
    # Every character of the text appears once, in order.
    assert re.sub(r"<[^>]+>|[✔✖?]", "", article).replace("&#39;", "'") == TEXT.replace("?", "")


def test_html_is_self_contained():
    report, docs = make_report()
    html = render(report, "html", docs)
    for tag, attrs in tags(html):
        assert tag not in ("script", "link", "iframe", "img", "object", "embed"), tag
        assert not (attrs.get("src") or "").startswith(("http:", "https:", "//"))
        assert "url(" not in (attrs.get("style") or "")
    assert not re.search(r"url\(|@import", html)
    assert "default-src 'none'" in html
    links = [attrs for tag, attrs in tags(html) if tag == "a" and (attrs.get("href") or "").startswith("http")]
    assert links and all(a["rel"] == "noopener noreferrer" for a in links)


def test_html_shows_what_the_source_says():
    report, docs = make_report()
    html = render(report, "html", docs)
    assert "218.17 bn USD" in html
    assert "218.15 – 218.25 bn USD" in html
    assert "107.02 Mt" in html and "Saudi Arabia (SAU)" in html
    assert "January–November 2023" in html
    assert "no-metric" in html and "No figure from any source." in html


def test_html_without_document_text_still_lists_cards():
    report, _ = make_report()
    html = render(report, "html", {})
    assert html.count('<article class="card') == 3
    assert 'class="hl' not in html


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("https://api.worldbank.org/v2/x?a=1", True),
        ("http://example.org/", True),
        ("javascript:alert(1)", False),
        ("JavaScript:alert(1)", False),
        ("java\tscript:alert(1)", False),
        (" https://example.org", False),
        ("data:text/html,<b>x</b>", False),
        ("/relative/path", False),
        ("file:///etc/passwd", False),
        ("snapshot:sources/snapshot/comtrade.csv", False),
    ],
)
def test_safe_href(url, allowed):
    assert (safe_href(url) == url) is allowed
