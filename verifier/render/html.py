"""The HTML report: one self-contained page a reader can open offline.

Everything that came from an article or a source is untrusted. The template
renders with autoescape on, so this module never builds markup: it cuts the
article into plain-text segments and hands the template data, not HTML. A
Content-Security-Policy in the page forbids scripts and every request, so a
bug in escaping still cannot run code or leak that the report was opened.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any
from urllib.parse import urlsplit

from ..codes import CODES
from ..geo import name as place_name
from ..models import Claim, Document, Note, Report, Verdict
from ..readable import format_interval, format_magnitude, format_quantity
from .chart import Chart, chart
from .verdicts import STATUS_ICONS, STATUS_ORDER, interval_unit, names_claimed_place, ordered_evidence, set_aside, status_counts

STATUS_LABELS = {"supported": "Supported", "contradicted": "Contradicted", "unverifiable": "Unverifiable"}
_LANG = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*")
_ID_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


@dataclass
class Card:
    anchor: str
    ref: str
    verdict: Verdict
    label: str
    sentence: tuple[str, str, str]
    says: list[tuple[str, str]]
    evidence: list[dict[str, Any]]
    interval: str | None
    code_summary: str | None
    gauge: dict[str, Any] | None
    chart: Chart | None = None
    aside: str | None = None  # why it does not count against the run (ignored, baseline)
    highlighted: bool = False


@dataclass
class Segment:
    kind: str  # "text" | "skipped" | "claim" | "marker"
    text: str = ""
    card: Card | None = None


@dataclass
class DocumentView:
    anchor: str
    path: str
    title: str | None
    lang: str | None
    published: dt.date | None
    available: bool
    counts: dict[str, int]
    cards: list[Card] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)


def render(report: Report, documents: Mapping[str, Document] | None = None, *, home: str | None = None) -> str:
    """The page. `home` is the URL of the page that made the report, for a
    link back to it (the service's submission form); a report written to a
    file has no such page, so it has no such link."""
    documents = documents or {}
    views = _document_views(report, documents)
    return _environment().get_template("report.html.j2").render(
        report=report,
        run=report.run,
        stats=report.stats,
        documents=views,
        counts={s: getattr(report.stats, s) for s in STATUS_ORDER},
        ignored=sum(v.ignored is not None for v in report.verdicts),
        baselined=sum(v.ignored is None and v.baseline == "unchanged" for v in report.verdicts),
        # The page's chrome is English; each article carries its own `lang`.
        page_lang="en",
        home=home,
        started=_timestamp(report.run.started),
        icons=STATUS_ICONS,
        labels=STATUS_LABELS,
        statuses=STATUS_ORDER,
    )


def _environment():
    return templates("verifier.render")


@cache
def templates(package: str):
    """The Jinja environment for a package's `templates/` (the reports', the service's)."""
    from jinja2 import Environment, PackageLoader, StrictUndefined

    # autoescape=True rather than select_autoescape: the template's ".j2"
    # suffix would otherwise switch escaping off.
    return Environment(
        loader=PackageLoader(package, "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _document_views(report: Report, documents: Mapping[str, Document]) -> list[DocumentView]:
    by_doc: dict[str, list[Verdict]] = {}
    for path in report.run.documents:
        by_doc.setdefault(path, [])
    for v in report.verdicts:
        by_doc.setdefault(v.document, []).append(v)

    views = []
    for n, (path, verdicts) in enumerate(by_doc.items(), start=1):
        doc = documents.get(path)
        lang = (doc.lang if doc else None) or report.run.lang.get(path)
        view = DocumentView(
            anchor=f"d{n}",
            path=path,
            title=doc.title if doc else None,
            lang=lang if lang and _LANG.fullmatch(lang) else None,
            published=(doc.published if doc else None) or report.run.published.get(path),
            available=doc is not None,
            counts=status_counts(v.status for v in verdicts),
            notes=[note for note in report.notes if note.document == path],
        )
        used: set[str] = set()
        for v in verdicts:
            view.cards.append(_card(v, _unique(f"{view.anchor}-{_slug(v.claim.id)}", used)))
        if doc is not None:
            view.segments = _segments(doc, view.cards)
        views.append(view)
    return views


def _slug(text: str) -> str:
    return _ID_UNSAFE.sub("-", text).strip("-") or "claim"


def _unique(anchor: str, used: set[str]) -> str:
    candidate, n = anchor, 1
    while candidate in used:
        n += 1
        candidate = f"{anchor}-{n}"
    used.add(candidate)
    return candidate


def _segments(doc: Document, cards: list[Card]) -> list[Segment]:
    """Cut the text into consecutive plain-text pieces, one link per claim.

    Links cannot nest, so overlapping spans are made disjoint: a claim keeps
    only what earlier claims left of its span, and a claim wholly inside
    another becomes a zero-width marker link right after it. Offsets outside
    the text are clamped; nothing is ever dropped or shown twice.
    """
    text, n = doc.text, len(doc.text)
    placed: list[tuple[int, int, Card]] = []
    cursor = 0

    def clamp(i: int) -> int:
        return min(max(i, 0), n)

    for card in sorted(cards, key=lambda c: (clamp(c.verdict.claim.span.start), -clamp(c.verdict.claim.span.end))):
        span = card.verdict.claim.span
        start = max(clamp(span.start), cursor)
        end = max(clamp(span.end), start)
        placed.append((start, end, card))
        cursor = end

    segments: list[Segment] = []
    pos = 0
    for start, end, card in placed:
        segments += _plain(text, pos, start, doc.skipped)
        card.highlighted = True
        segments.append(Segment("claim" if end > start else "marker", text[start:end], card))
        pos = end
    segments += _plain(text, pos, n, doc.skipped)
    return segments


def _plain(text: str, start: int, end: int, skipped: list[tuple[int, int]]) -> list[Segment]:
    """Text between highlights, with the skipped regions (front matter) apart so they can be dimmed."""
    out: list[Segment] = []
    pos = start
    for a, b in sorted(skipped):
        a, b = max(a, pos), min(b, end)
        if a >= b:
            continue
        if a > pos:
            out.append(Segment("text", text[pos:a]))
        out.append(Segment("skipped", text[a:b]))
        pos = b
    if pos < end:
        out.append(Segment("text", text[pos:end]))
    return out


def _card(verdict: Verdict, anchor: str) -> Card:
    claim = verdict.claim
    code = CODES.get(verdict.code)
    unit = interval_unit(verdict)
    series_chart = chart(verdict)
    return Card(
        anchor=anchor,
        ref=f"{anchor}-ref",
        verdict=verdict,
        label=f"{STATUS_LABELS[verdict.status]}{' (set aside)' if set_aside(verdict) else ''}: “{claim.text}” ({verdict.code}); go to claim {claim.id}",
        sentence=_split_sentence(claim),
        says=_text_says(claim),
        evidence=_evidence_rows(verdict),
        interval=format_interval(verdict.interval, unit) if verdict.interval else None,
        code_summary=code.summary if code else None,
        gauge=None if series_chart else _gauge(verdict, unit),
        chart=series_chart,
        aside=set_aside(verdict),
    )


def _split_sentence(claim: Claim) -> tuple[str, str, str]:
    i = claim.sentence.find(claim.text) if claim.text else -1
    if i < 0:
        return claim.sentence, "", ""
    j = i + len(claim.text)
    return claim.sentence[:i], claim.sentence[i:j], claim.sentence[j:]


def _text_says(claim: Claim) -> list[tuple[str, str]]:
    rows = [("Kind", claim.kind)]
    q = claim.quantity
    if q is not None:
        value = format_quantity(q, signed=claim.kind == "change")
        if q.precision:
            value += f" (± {format_magnitude(q.precision, q.unit)} as written)"
        rows.append(("Quantity", value))
    if claim.rank is not None:
        rows.append(("Rank", f"#{claim.rank}"))
    if claim.period is not None:
        rows.append(("Period", _period(claim.period)))
    if claim.places:
        rows.append(("Places", "; ".join(_place(p.text, p.code, p.role) for p in claim.places)))
    if claim.metric is not None:
        rows.append(("Metric", f"“{claim.metric.text}” → {claim.metric.id}"))
    if claim.attribution:
        rows.append(("Attribution", claim.attribution))
    return rows


def _place(text: str, code: str, role: str | None) -> str:
    name = place_name(code)
    inner = code if name == code else f"{name}, {code}"
    return f"“{text}” ({inner}{', ' + role if role else ''})"


def _period(period) -> str:
    bounds = period.start.isoformat() if period.start == period.end else f"{period.start} – {period.end}"
    return f"{period.label} ({bounds})" if period.label else bounds


def _evidence_rows(verdict: Verdict) -> list[dict[str, Any]]:
    evidence = ordered_evidence(verdict)
    ranking = verdict.claim.kind == "ranking"
    rows = []
    for i, (e, named) in enumerate(zip(evidence, names_claimed_place(verdict, evidence)), start=1):
        rows.append(
            {
                "rank": i if ranking else None,
                "value": format_magnitude(e.value, e.unit),
                "unit": e.unit,
                "period": e.period.label or _period(e.period),
                "period_bounds": _period(e.period),
                "place": _place_label(e.place),
                "partner": _place_label(e.partner) if e.partner else None,
                # Only a ranking's table has rows to pick out; elsewhere every row is the claim's.
                "claimed": named and ranking,
                "evidence": e,
                "href": safe_href(e.url),
                "retrieved": _timestamp(e.retrieved),
            }
        )
    return rows


def _place_label(code: str) -> str:
    name = place_name(code)
    return code if name == code else f"{name} ({code})"


def safe_href(url: str | None) -> str | None:
    """The URL if a browser may follow it, else None (shown as text instead).

    Only absolute http(s) URLs: `javascript:`, `data:` and relative URLs could
    run code or leave the page in ways the reader did not choose. Whitespace
    and control characters are refused too, since browsers strip them before
    reading the scheme ("java\\tscript:")."""
    if not url or any(ord(c) <= 0x20 or ord(c) == 0x7F for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def _gauge(verdict: Verdict, unit: str) -> dict[str, Any] | None:
    """Where the source's figures fall against the claim's interval, on one line.

    Only when both are numbers in the same unit: a ranking's bounds are ranks,
    not values, so placing values against them would mislead."""
    interval = verdict.interval
    if interval is None or verdict.claim.kind == "ranking":
        return None
    values = [e.value for e in verdict.evidence if e.unit == unit and math.isfinite(e.value)][:5]
    bounds = [b for b in (interval.low, interval.high) if b is not None and math.isfinite(b)]
    if not values or not bounds:
        return None
    lo, hi = min(values + bounds), max(values + bounds)
    pad = (hi - lo) * 0.15 or abs(hi) * 0.05 or 1.0
    lo, hi = lo - pad, hi + pad

    def pct(x: float | None, default: float) -> float:
        if x is None or not math.isfinite(x):
            return default
        return round((x - lo) / (hi - lo) * 100, 2)

    band_start, band_end = pct(interval.low, 0.0), pct(interval.high, 100.0)
    return {
        "band_left": band_start,
        "band_width": max(band_end - band_start, 0.6),
        "dots": [{"left": pct(x, 50.0), "label": format_magnitude(x, unit)} for x in values],
    }


def _timestamp(moment: dt.datetime) -> str:
    if moment.tzinfo is not None:
        return moment.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    return moment.strftime("%Y-%m-%d %H:%M:%S")
