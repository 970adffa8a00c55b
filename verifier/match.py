"""Claim -> queries: which sources and series can answer a claim, for which places and period.

A claim that no source can answer gets a reason instead of queries; that is
a normal outcome (the verdict is `unverifiable`), not an error.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from . import catalog
from .judge import previous_period
from .models import Claim, Period, Query
from .sources import SourceDef


@dataclass(frozen=True)
class Plan:
    claim: Claim
    queries: tuple[Query, ...] = ()
    code: str | None = None  # set, with `reason`, when no query can answer the claim
    reason: str | None = None


def plan(claim: Claim, sources: Iterable[SourceDef]) -> Plan:
    if claim.metric is None:
        what = "an event count" if claim.kind == "count" else "this figure"
        return Plan(claim, code="no-metric", reason=f"No statistical series is known for {what} (\"{claim.text}\"); it needs a human check.")
    if claim.kind not in ("amount", "ranking"):
        return Plan(claim, code="not-checked", reason=f"{claim.kind.capitalize()} claims are extracted but not judged yet; it needs a human check.")
    if claim.period is None:
        return Plan(claim, code="no-period", reason="The text gives no period for this figure and none could be inferred.")
    indicator = catalog.indicators()[claim.metric.id]
    serving = [s for s in sources if indicator.id in s.indicators]
    if not serving:
        return Plan(claim, code="no-evidence", reason=f"No configured source serves {indicator.title}.")
    places = _dimensions(claim, indicator)
    if places is None:
        return Plan(claim, code="no-evidence", reason=f"The text does not say which place the {indicator.title.lower()} figure is for.")
    window, frequency = _window(claim), _frequency(claim.period)
    queries = tuple(
        Query(source=s.id, series=indicator.id, places=p, period=window, frequency=frequency) for s in serving for p in places
    )
    return Plan(claim, queries=queries)


def _window(claim: Claim) -> Period:
    """The claim's period widened to whole years, and for a ranking the year
    before: the judge needs the neighbours to say "right for another period"
    or to check an "overtook"."""
    assert claim.period
    start = claim.period.start
    if claim.kind == "ranking":
        start = previous_period(claim.period).start
    start = dt.date(start.year - (claim.kind != "ranking"), 1, 1)
    end = dt.date(claim.period.end.year, 12, 31)
    return Period(start=start, end=end, label=f"{start.year}–{end.year}")


def _frequency(period: Period) -> str:
    """The coarsest frequency whose periods tile the claim's: a year, months, else days."""
    whole_months = period.start.day == 1 and (period.end + dt.timedelta(days=1)).day == 1
    if whole_months and period.start.month == 1 and period.end.month == 12:
        return "annual"
    return "monthly" if whole_months else "daily"


def _dimensions(claim: Claim, indicator: catalog.Indicator) -> list[dict[str, str | None]] | None:
    roles = {p.role: p.code for p in claim.places}
    codes = [p.code for p in claim.places if p.role != "rival"]
    dims = indicator.dimensions
    if claim.kind == "ranking":
        if indicator.supplier_subject == "partner":
            market = roles.get("counterpart")
            return [{"reporter": market, "partner": None}] if market else None
        return [{dims[0]: None}] if dims else None
    if not dims:
        return [{}]
    if dims == ("place",):
        return [{"place": codes[0]}] if codes else None
    if dims == ("reporter", "partner"):
        if len(codes) >= 2:
            return [{"reporter": codes[0], "partner": codes[1]}, {"reporter": codes[1], "partner": codes[0]}]
        return [{"reporter": codes[0], "partner": "WLD"}] if codes else None
    return None
