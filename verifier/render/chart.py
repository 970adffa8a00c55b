"""A small chart of a source series around the claimed period, as geometry.

The HTML template draws it as inline SVG (no script, no request); this module
only decides what to draw and where, in the SVG's own coordinates. A chart is
drawn only when the evidence holds one series (same source, series, places
and unit) over several periods of the same kind: two Januaries–Novembers, or
two years, not a year beside a month, which a line would join as if they
were comparable.

The claimed interval is drawn over the claimed period in the series' unit:
as stated for a level, and for a change, applied to the level it started
from ("rose 40 %" from 86.25 Mt is 119–122 Mt in 2023), so a reader sees the
gap against the level the source gives. A claim in another unit than the
series (a conversion) gets its period marked but no band, rather than a band
in the wrong unit.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from ..models import Evidence, Interval, Period, Verdict
from ..periods import change_periods, comparable_periods, same_span
from ..readable import format_interval, format_magnitude

WIDTH, HEIGHT = 520, 190
LEFT, RIGHT, TOP, BOTTOM = 84, 16, 14, 34
MAX_X_LABELS = 6


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    label: str  # "2023: 107.02 Mt", read by screen readers and shown on hover
    period: str
    claimed: bool  # the point for the claimed period


@dataclass(frozen=True)
class Tick:
    pos: float
    label: str


@dataclass(frozen=True)
class Band:
    x: float
    width: float
    y: float
    height: float
    open_low: bool  # the interval runs off the bottom of the chart
    open_high: bool
    label: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    plot: tuple[float, float, float, float]  # left, top, right, bottom
    title: str
    description: str
    path: str  # the SVG path joining the points
    points: list[Point]
    y_ticks: list[Tick]
    x_ticks: list[Tick]
    claimed: tuple[float, float] | None  # x range of the claimed period
    band: Band | None


def chart(verdict: Verdict) -> Chart | None:
    """The chart for `verdict`, or None when its evidence is not a series."""
    claim = verdict.claim
    if claim.kind == "ranking" or claim.period is None:
        return None
    series = _series(verdict)
    if series is None:
        return None
    first = series[0]
    band_values = _band_values(verdict, series)

    x0 = min(e.period.start for e in series)
    x1 = max(e.period.end for e in series) + dt.timedelta(days=1)
    x0, x1 = min(x0, claim.period.start), max(x1, claim.period.end + dt.timedelta(days=1))
    values = [e.value for e in series]
    bounded = [b for b in band_values or () if b is not None]
    y0, y1 = _y_domain(values + bounded)

    left, top, right, bottom = LEFT, TOP, WIDTH - RIGHT, HEIGHT - BOTTOM
    span = (x1 - x0).days or 1

    def sx(day: dt.date) -> float:
        return round(left + (day - x0).days / span * (right - left), 2)

    def sy(value: float) -> float:
        return round(bottom - (value - y0) / (y1 - y0) * (bottom - top), 2)

    def middle(p: Period) -> dt.date:
        return p.start + (p.end - p.start) / 2

    points = [
        Point(
            x=sx(middle(e.period)),
            y=sy(e.value),
            label=f"{e.period.label}: {format_magnitude(e.value, e.unit)}",
            period=e.period.label,
            claimed=same_span(e.period, claim.period),
        )
        for e in series
    ]
    claimed = (sx(claim.period.start), sx(claim.period.end + dt.timedelta(days=1)))
    band = None
    if band_values is not None:
        low, high = band_values
        top_y = sy(min(high, y1)) if high is not None else top
        bottom_y = sy(max(low, y0)) if low is not None else bottom
        band = Band(
            x=claimed[0],
            width=max(claimed[1] - claimed[0], 2.0),
            y=top_y,
            height=max(bottom_y - top_y, 2.0),
            open_low=low is None,
            open_high=high is None,
            label=format_interval(Interval(low=low, high=high), first.unit),
        )
    return Chart(
        width=WIDTH,
        height=HEIGHT,
        plot=(left, top, right, bottom),
        title=_title(first),
        description=_description(points, claim.period.label, band),
        path=" ".join(f"{'M' if i == 0 else 'L'}{p.x},{p.y}" for i, p in enumerate(points)),
        points=points,
        y_ticks=[Tick(sy(v), format_magnitude(v, first.unit)) for v in _nice_ticks(y0, y1)],
        x_ticks=_x_ticks(points),
        claimed=claimed,
        band=band,
    )


def _series(verdict: Verdict) -> list[Evidence] | None:
    """The evidence of one series over several comparable periods, in time order.

    Among several series (a ranking's partners, a change's two readings), the
    one with the most periods, the claim's own places first."""
    groups: dict[tuple, list[Evidence]] = {}
    for e in verdict.evidence:
        if math.isfinite(e.value):
            groups.setdefault((e.source, e.series, e.place, e.partner, e.unit), []).append(e)
    claimed = {p.code for p in verdict.claim.places}
    best: list[Evidence] | None = None
    best_key = (0, 0)
    for group in groups.values():
        distinct: dict[tuple[dt.date, dt.date], Evidence] = {}
        for e in group:
            distinct.setdefault((e.period.start, e.period.end), e)
        periods = sorted(distinct.values(), key=lambda e: e.period.start)
        if len(periods) < 2:
            continue
        if not all(comparable_periods(periods[0].period, e.period) for e in periods[1:]):
            continue
        if any(a.period.end >= b.period.start for a, b in zip(periods, periods[1:])):
            continue  # overlapping spans (January–September inside January–November) are not a series
        key = (len({periods[0].place, periods[0].partner} & claimed), len(periods))
        if best is None or key > best_key:
            best, best_key = periods, key
    return best


def _band_values(verdict: Verdict, series: list[Evidence]) -> tuple[float | None, float | None] | None:
    """The claimed interval in the series' unit, or None when it cannot be put there."""
    claim, interval = verdict.claim, verdict.interval
    if interval is None or claim.quantity is None or claim.period is None:
        return None
    unit, q = series[0].unit, claim.quantity
    if claim.kind == "amount":
        return (interval.low, interval.high) if q.unit == unit else None
    if claim.kind != "change":
        return None
    now, base = change_periods(claim.period)
    start = next((e for e in series if same_span(e.period, base)), None)
    if start is None or not same_span(now, claim.period):
        return None  # a multi-year change ends in its last year: no band over the whole span
    b = start.value
    if q.unit == "%":
        if b <= 0:
            return None
        scale = lambda x: None if x is None else b * (1 + x / 100)  # noqa: E731
    elif q.unit == unit or (q.unit == "pp" and unit == "%"):
        scale = lambda x: None if x is None else b + x  # noqa: E731
    else:
        return None
    return scale(interval.low), scale(interval.high)


def _y_domain(values: list[float]) -> tuple[float, float]:
    lo, hi = min(values), max(values)
    pad = (hi - lo) * 0.12 or abs(hi) * 0.05 or 1.0
    lo, hi = lo - pad, hi + pad
    # A series of positive levels reads best from zero when zero is not far off.
    if min(values) >= 0 and lo < 0:
        lo = 0.0
    return lo, hi


def _nice_ticks(lo: float, hi: float, count: int = 4) -> list[float]:
    raw = (hi - lo) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.ceil(lo / step) * step
    ticks = []
    value = first
    while value <= hi + step * 1e-9:
        ticks.append(round(value, 12))
        value += step
    return ticks


def _x_ticks(points: list[Point]) -> list[Tick]:
    """The periods' labels under the points; for a long series, evenly spaced ones and the claimed period."""
    if len(points) <= MAX_X_LABELS:
        return [Tick(p.x, p.period) for p in points]
    every = math.ceil(len(points) / MAX_X_LABELS)
    chosen = [p for i, p in enumerate(points) if i % every == 0 or p.claimed]
    return [Tick(p.x, p.period) for p in chosen]


def _title(e: Evidence) -> str:
    where = e.place + (f" – {e.partner}" if e.partner else "")
    return f"{e.source} · {e.series}" + (f" · {where}" if where else "")


def _description(points: list[Point], claimed: str, band: Band | None) -> str:
    values = "; ".join(p.label for p in points)
    if band is None:
        return f"Source values: {values}. Claimed period: {claimed}."
    return f"Source values: {values}. The claim holds for {claimed} if the value is {band.label}."
