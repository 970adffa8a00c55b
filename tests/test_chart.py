"""The HTML report's series chart: when one is drawn, and where the claimed interval lands."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from verifier.models import Claim, Document, Evidence, Interval, Period, Place, Quantity, Report, RunInfo, Span, Stats, Verdict
from verifier.render import render
from verifier.render.chart import BOTTOM, HEIGHT, TOP, chart

Y2022 = Period(start=dt.date(2022, 1, 1), end=dt.date(2022, 12, 31), label="2022")
Y2023 = Period(start=dt.date(2023, 1, 1), end=dt.date(2023, 12, 31), label="2023")
JAN_NOV = Period(start=dt.date(2023, 1, 1), end=dt.date(2023, 11, 30), label="January–November 2023")
JAN_SEP = Period(start=dt.date(2023, 1, 1), end=dt.date(2023, 9, 30), label="January–September 2023")
RETRIEVED = dt.datetime(2024, 2, 10, tzinfo=dt.UTC)
SENTENCE = "China's crude oil imports from Russia rose 40% in 2023."


def ev(value: float, period: Period, unit: str = "tonne", partner: str | None = "RUS") -> Evidence:
    return Evidence(
        source="snapshot", series="crude.imports", place="CHN", partner=partner, period=period,
        value=value, unit=unit, url="https://example.org/q", retrieved=RETRIEVED,
    )


def verdict(kind: str, quantity: Quantity | None, interval: Interval | None, evidence: list[Evidence], period=Y2023) -> Verdict:
    claim = Claim(
        id="c1", kind=kind, text="rose 40%", sentence=SENTENCE, span=Span(start=38, end=46, line=1, column=39),
        quantity=quantity, period=period, places=[Place(code="CHN", text="China"), Place(code="RUS", text="Russia")],
    )
    return Verdict(claim=claim, document="a.txt", status="contradicted", code="value-mismatch", level="error",
                   message="m", interval=interval, evidence=evidence)


def value_at(c, y: float) -> float:
    """Invert the chart's y scale from its ticks (two ticks fix the line)."""
    (a, va), (b, vb) = [(t.pos, float(re.sub(r"[^\d.]", "", t.label))) for t in c.y_ticks[:2]]
    return va + (y - a) * (vb - va) / (b - a)


def test_a_change_is_drawn_as_levels_from_its_base():
    v = verdict("change", Quantity(value=40, unit="%", precision=2), Interval(low=38, high=42),
                [ev(107.02e6, Y2023), ev(86.25e6, Y2022)])
    c = chart(v)
    assert c is not None
    # Points in time order, the claimed year marked.
    assert [p.period for p in c.points] == ["2022", "2023"] and [p.claimed for p in c.points] == [False, True]
    assert c.points[0].x < c.points[1].x
    # 86.25 Mt * 1.38 .. 1.42 = 119.0 .. 122.5 Mt, drawn over 2023 only.
    assert c.band is not None and c.band.label == "119.02 – 122.47 Mt"  # 119.025 and 122.475, rounded
    assert c.band.x == c.claimed[0] and c.band.x > c.points[0].x
    assert value_at(c, c.band.y) == pytest.approx(122.475, abs=0.05)
    assert value_at(c, c.band.y + c.band.height) == pytest.approx(119.025, abs=0.05)
    # The level the source gives (107 Mt) sits below the band: the reader sees the gap.
    assert c.points[1].y > c.band.y + c.band.height


def test_a_points_change_on_a_rate_is_added_to_the_base():
    v = verdict("change", Quantity(value=-3.9, unit="pp", precision=0.05), Interval(low=-3.95, high=-3.85),
                [ev(4.116, Y2023, unit="%", partner=None), ev(8.003, Y2022, unit="%", partner=None)])
    c = chart(v)
    assert c.band.label == "4.05 – 4.15%"


def test_an_amount_for_the_wrong_year_shows_where_it_belongs():
    v = verdict("amount", Quantity(value=86.25e6, unit="tonne", precision=5e3), Interval(low=86.245e6, high=86.255e6),
                [ev(107.02e6, Y2023), ev(86.25e6, Y2022)])
    c = chart(v)
    assert c.band is not None
    # The band over 2023 is level with the 2022 point.
    assert abs((c.band.y + c.band.height / 2) - c.points[0].y) < 1.5
    assert "The claim holds for 2023 if the value is 86.245 – 86.255 Mt" in c.description
    assert "2022: 86.25 Mt; 2023: 107.02 Mt" in c.description


def test_an_open_interval_runs_to_the_edge_of_the_plot():
    v = verdict("amount", Quantity(value=100e6, unit="tonne", comparator=">"), Interval(low=100e6, high=None, low_inclusive=False),
                [ev(107.02e6, Y2023), ev(86.25e6, Y2022)])
    c = chart(v)
    assert c.band.open_high and not c.band.open_low and c.band.y == TOP


def test_an_interval_in_another_unit_is_not_drawn():
    v = verdict("amount", Quantity(value=90e9, unit="EUR"), Interval(low=89e9, high=91e9),
                [ev(107e9, Y2023, unit="USD"), ev(86e9, Y2022, unit="USD")])
    c = chart(v)
    assert c is not None and c.band is None and c.claimed is not None


@pytest.mark.parametrize(
    "evidence",
    [
        [ev(107.02e6, Y2023)],  # one period: no series
        [ev(218.17e9, JAN_NOV, "USD"), ev(176.4e9, JAN_SEP, "USD")],  # nested spans, not a series
        [ev(218.17e9, JAN_NOV, "USD"), ev(240.11e9, Y2023, "USD")],  # a span beside a year: not comparable
        [ev(107.02e6, Y2023), ev(86.25e6, Y2022, partner="SAU")],  # two places, one period each
    ],
)
def test_no_chart_without_a_series(evidence):
    v = verdict("amount", Quantity(value=1, unit="tonne"), Interval(low=0, high=2), evidence)
    assert chart(v) is None


def test_no_chart_for_a_ranking():
    v = verdict("ranking", None, None, [ev(107.02e6, Y2023), ev(86.25e6, Y2022)])
    assert chart(v) is None


def test_the_claimed_place_series_wins_over_others():
    v = verdict("amount", Quantity(value=1, unit="tonne"), Interval(low=0, high=2),
                [ev(1, Y2023, partner="SAU"), ev(2, Y2022, partner="SAU"),
                 ev(3, Y2023), ev(4, Y2022)])
    assert chart(v).title == "snapshot · crude.imports · CHN – RUS"


def test_everything_fits_in_the_plot():
    v = verdict("change", Quantity(value=40, unit="%", precision=2), Interval(low=38, high=42),
                [ev(107.02e6, Y2023), ev(86.25e6, Y2022)])
    c = chart(v)
    left, top, right, bottom = c.plot
    for p in c.points:
        assert left <= p.x <= right and top <= p.y <= bottom
    assert top <= c.band.y and c.band.y + c.band.height <= bottom <= HEIGHT - BOTTOM + 1e-9
    assert all(top - 1e-9 <= t.pos <= bottom + 1e-9 for t in c.y_ticks)


def test_the_html_card_draws_it_as_accessible_inline_svg():
    v = verdict("change", Quantity(value=40, unit="%", precision=2), Interval(low=38, high=42),
                [ev(107.02e6, Y2023), ev(86.25e6, Y2022)])
    report = Report(
        verdicts=[v], stats=Stats(claims=1, supported=0, contradicted=1, unverifiable=0, documents=1),
        run=RunInfo(version="0", started=RETRIEVED, duration_s=0.1, sources=["snapshot"], documents=["a.txt"]),
    )
    html = render(report, "html", {"a.txt": Document(path="a.txt", text=SENTENCE, lang="en")})
    svg = re.search(r"<svg .*?</svg>", html, re.S).group(0)
    assert 'role="img"' in svg and 'aria-labelledby="d1-c1-chart-t d1-c1-chart-d"' in svg
    assert '<title id="d1-c1-chart-t">' in svg and '<desc id="d1-c1-chart-d">' in svg
    assert svg.count("<circle") == 2 and 'class="band"' in svg
    # No gauge beside the chart: one picture per card.
    assert 'class="gauge"' not in html
    # The interval the card states is the claim's own (%), not the series' unit.
    assert "38 – 42%" in html
