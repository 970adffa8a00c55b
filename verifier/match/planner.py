"""Claim -> queries: which sources and series can answer a claim, for which places and period.

A claim that no source can answer gets a code and the fields of its message
instead of queries; that is a normal outcome (the verdict is `unverifiable`),
not an error. A claim whose text names its source ("according to Eurostat")
carries the route (`verifier.match.routing`), and the named source's queries come
first. A bilateral flow is asked for as its reporter records it and as the
partner does (the mirror: China's exports to Russia are Russia's imports from
China), so that the judge can prefer the one and notice when the two disagree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from .. import catalog
from ..models import Claim, Period, Query
from ..periods import change_periods, previous_period
from ..sources import SourceDef
from .routing import Route, route

JUDGED = ("amount", "ranking", "change", "comparison", "share")
#: How a message names each modality of a figure not stated as a fact.
MODALITIES = {
    "target": "a target", "forecast": "a forecast", "plan": "a plan", "cap": "a cap or limit",
    "conditional": "a condition", "negated": "something that did not happen",
}


@dataclass(frozen=True)
class Plan:
    claim: Claim
    queries: tuple[Query, ...] = ()
    code: str | None = None  # set, with `fields`, when no query can answer the claim
    fields: dict[str, str] = field(default_factory=dict)
    route: Route | None = None  # where the claim's attribution points, once its indicator is known


def _unanswerable(claim: Claim, code: str, reason: str, routed: Route | None = None) -> Plan:
    return Plan(claim, code=code, fields={"reason": reason}, route=routed)


def plan(claim: Claim, sources: Iterable[SourceDef], defined: Iterable[SourceDef] = ()) -> Plan:
    """The queries that can answer `claim` among the run's `sources`;
    `defined` (every source definition) lets the route tell a named source
    that this run does not use from one that does not exist."""
    if claim.modality != "asserted":
        return Plan(claim, code="not-asserted", fields={"what": MODALITIES[claim.modality], "cue": claim.modality_cue or ""})
    if claim.metric is None:
        what = "an event count" if claim.kind == "count" else "this figure"
        return Plan(claim, code="no-metric", fields={"what": what, "text": claim.text})
    if claim.kind not in JUDGED:
        return _unanswerable(claim, "not-checked", f"{claim.kind.capitalize()} claims are extracted but not judged; it needs a human check.")
    if claim.kind == "ranking" and claim.scope:
        return _unanswerable(claim, "not-checked", f"The rank is taken within a region (\"{claim.scope}\"), "
                             "which no configured table ranks by itself; it needs a human check.")
    if claim.kind == "ranking" and claim.rank is None:
        return _unanswerable(claim, "not-checked", "The text states a rank no single world ranking holds as written (a rank lost without saying who "
                             "took it, a list of ranks); it needs a human check.")
    if claim.kind in ("comparison", "share") and claim.quantity is None:
        return _unanswerable(claim, "not-checked", f"The {claim.kind} states no figure to check; it needs a human check.")
    if claim.period is None:
        return Plan(claim, code="no-period")
    indicator = catalog.indicators()[claim.metric.id]
    if other := _other_measure(claim, indicator):
        return Plan(claim, code="measure-mismatch", fields={"what": other[0], "cue": other[1], "title": indicator.title})
    if claim.kind == "share" and not indicator.divisible:
        # "more than half of 2023's inflation came from energy": a rate or a price has parts no series splits it into.
        return _unanswerable(claim, "not-checked", f"A share of {indicator.title.lower()} is no part of a total a source holds; it needs a human check.")
    if claim.kind == "change" and claim.basis is None and (claim.period.end - claim.period.start).days < 27:
        return _unanswerable(claim, "not-checked", f"A change over {claim.period.label} states no base it is measured from "
                             "(the day before, the week before, a year before); it needs a human check.")
    sources = list(sources)
    routed = route(claim, sources, defined)
    serving = [s for s in sources if indicator.id in s.indicators]
    if not serving:
        return _unanswerable(claim, "no-evidence", f"No configured source serves {indicator.title}.", routed)
    places = _dimensions(claim, indicator)
    if places is None:
        sent_to = next((p for p in claim.places if p.role == "destination"), None)
        reason = (
            f"The text names only where the flow went ({sent_to.text}), not who sent it: the figure is no total of {sent_to.text}'s."
            if sent_to else f"The text does not say which places the {indicator.title.lower()} figure is for."
        )
        return _unanswerable(claim, "no-evidence", reason, routed)
    window, frequency = _window(claim), _frequency(claim.period)
    targets = [(indicator.id, p) for p in places]
    if indicator.mirror and claim.kind in ("amount", "change") and len(places) == 2:
        # Both directions of a directed flow: the reporter's own series, and
        # the partner's mirror series (not the same series the other way round,
        # which is the opposite flow).
        targets = [(indicator.id, places[0]), (indicator.mirror, places[1])]
    if claim.kind == "amount" and claim.quantity and (own := catalog.stated_in(indicator, claim.quantity.unit)):
        targets += [(own.id, p) for p in places]
    if claim.kind == "change":
        # A change the source states itself answers a y/y claim without recomputing it.
        targets += [(f"{indicator.id}.change_yoy", p) for p in places]
    first = set(routed.serving) if routed else set()
    ordered = sorted(sources, key=lambda s: s.id not in first)
    queries = tuple(
        Query(source=s.id, series=name, places=p, period=window, frequency=frequency)
        for name, p in targets
        for s in ordered
        if name in s.indicators
    )
    return Plan(claim, queries=queries, route=routed)


def _window(claim: Claim) -> Period:
    """The claim's period widened to whole years: for a ranking the year
    before (an "overtook"), for a change its base period, and for everything
    else two years before and one after, so that the judge can say which
    period a figure is right for when it is wrong for its own."""
    assert claim.period
    if claim.kind == "ranking":
        start = previous_period(claim.period).start
        return _years(start.year, claim.period.end.year)
    start = claim.period.start
    if claim.kind == "change":
        start = previous_period(change_periods(claim.period, claim.basis)[1]).start
    return _years(start.year - 2, claim.period.end.year + 1)


def _years(first: int, last: int) -> Period:
    return Period(start=dt.date(first, 1, 1), end=dt.date(last, 12, 31), label=f"{first}–{last}")


def _frequency(period: Period) -> str:
    """The coarsest frequency whose periods tile the claim's: a year, months, else days."""
    if period.to_date:
        return "monthly"  # a running total is read as whole months (`verifier.judge.plans`)
    whole_months = period.start.day == 1 and (period.end + dt.timedelta(days=1)).day == 1
    if whole_months and period.start.month == 1 and period.end.month == 12:
        return "annual"
    return "monthly" if whole_months else "daily"


def _other_measure(claim: Claim, indicator: catalog.Indicator) -> tuple[str, str] | None:
    """(what the text states, the words that say so) when the claim's sentence
    names another measure than the indicator's series: real growth against
    nominal dollars, a futures contract against a spot price."""
    if m := catalog.says(indicator.id, "other_measures", claim.sentence):
        return "another measure than this series", m.group()
    if indicator.quotes_are_futures and claim.period and _frequency(claim.period) == "daily":
        if not catalog.says(indicator.id, "spot", claim.sentence):
            return "a day's market quote, which news takes from the futures market unless it says spot", claim.text
    written = any(ch.isdigit() for ch in claim.text)  # "2.5 %", not "doubled": a multiple of a level is no growth rate
    if indicator.changes_are_real and claim.kind == "change" and claim.quantity and claim.quantity.unit == "%" and written:
        if not catalog.says(indicator.id, "nominal", claim.sentence):
            return "a growth rate, which news gives in real terms unless it says nominal", claim.text
    return None


def _dimensions(claim: Claim, indicator: catalog.Indicator) -> list[dict[str, str | None]] | None:
    roles = {p.role: p.code for p in claim.places}
    codes = [p.code for p in claim.places if p.role != "rival"]
    dims = indicator.dimensions
    if claim.kind == "ranking":
        if indicator.supplier_subject == "partner":
            market = roles.get("counterpart")
            return [{"reporter": market, "partner": None}] if market else None
        return [{dims[0]: None}] if dims else None
    if claim.kind == "comparison":
        pair = codes[:1] + [roles["rival"]] if "rival" in roles else codes[:2]
        if dims != ("place",) or len(pair) < 2:
            return None
        return [{"place": code} for code in pair]
    if claim.kind == "share":
        if dims == ("place",) and codes and codes[0] != "WLD":  # "more than half of world GDP" names no part
            return [{"place": codes[0]}, {"place": "WLD"}]
        if dims == ("reporter", "partner") and len(codes) >= 2:
            a, b = codes[:2]
            return [{"reporter": b, "partner": a}, {"reporter": a, "partner": b}, {"reporter": a, "partner": "WLD"}, {"reporter": b, "partner": "WLD"}]
        return None
    if not dims:
        return [{}]
    if dims == ("place",):
        return [{"place": roles.get("subject", codes[0])}] if codes else None
    if dims == ("currency",):
        # An exchange rate is addressed by its currency: "7.08 yuan per dollar" is CNY / USD.
        unit = claim.quantity.unit if claim.quantity else ""
        return [{"currency": head}] if (head := catalog.rate_currency(unit)) else None
    if dims == ("reporter", "partner"):
        if len(codes) >= 2:
            return [{"reporter": codes[0], "partner": codes[1]}, {"reporter": codes[1], "partner": codes[0]}]
        if roles.get("destination"):
            return None  # sent to one place by a sender unnamed: no total of that place's
        return [{"reporter": codes[0], "partner": "WLD"}] if codes else None
    return None
