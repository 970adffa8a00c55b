"""Claims about a relation between two observations: a change between two
periods, a comparison between two places, a share of a whole.

Each is computed from levels the source publishes (or, for a y/y change, read
from the change the source states itself) and judged like an amount. A change
in % is a relative change and is never compared with a difference in
percentage points; when only the other reading holds, the claim is ambiguous,
not supported.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass

from .. import catalog
from ..codes import verdict
from ..geo import name
from ..models import Claim, Evidence, Interval, Period, Verdict
from ..periods import (
    change_periods,
    comparable_periods,
    previous_period,
    same_span,
)
from ..readable import digits_for, format_interval, format_magnitude
from ..tolerances import FUTURES_BASIS, REVISION_REACH, ROUNDING_SLACK, Settings
from .amounts import period_unavailable
from .convert import NotComparable, convert
from .evidence import answers, crude, mirror_note, places_match, ranked, who
from .intervals import beyond_order, contains, distance, hedged_below, interval, overlaps, said, shown_digits, side, widened


@dataclass(frozen=True)
class Reading:
    """One way of computing the claimed figure from the source's levels."""

    what: str  # "relative change", "difference in percentage points"...
    unit: str  # the unit the result is in
    value: float
    low: float
    high: float


def _pair(claim: Claim, relevant: list[Evidence], now: Period, base: Period) -> tuple[Evidence, Evidence] | None:
    """The levels for both periods from one series (same source and places)."""
    for e in ranked(claim, [e for e in relevant if same_span(e.period, now)]):
        for b in relevant:
            if same_span(b.period, base) and (b.source, b.place, b.partner, b.unit) == (e.source, e.place, e.partner, e.unit):
                return e, b
    return None


def _readings(claim: Claim, unit: str, now: float, base: float, period: Period, allowance: float) -> list[Reading] | str:
    """Every reading the claim's unit allows, the literal one first; or why none applies.

    Only a relative change gets the revision allowance: that is where a
    publisher's rate (on a revised base) and the two published levels part.
    The allowance never lets a fall pass for a rise."""
    q = claim.quantity
    assert q is not None
    out = []
    if q.unit == "%":
        if base > 0:
            mid = (now / base - 1) * 100
            low = (now * (1 - allowance) / (base * (1 + allowance)) - 1) * 100
            high = (now * (1 + allowance) / (base * (1 - allowance)) - 1) * 100
            if mid > 0:
                low = max(low, 0.0)
            elif mid < 0:
                high = min(high, 0.0)
            out.append(Reading("relative change", "%", mid, low, high))
        elif unit == "%":
            # No relative change from a rate at or below zero; the pp reading
            # stays available only as the other reading (ambiguous-claim).
            out.append(Reading("relative change", "%", math.nan, math.nan, math.nan))
        if unit == "%":
            out.append(Reading("difference in percentage points", "pp", now - base, now - base, now - base))
        if not out:
            return f"a change in % from {format_magnitude(base, unit)} is not defined"
        return out
    if q.unit == "pp":
        if unit != "%":
            return f"percentage points measure a rate, and this series is in {unit or 'plain numbers'}"
        return [Reading("difference in percentage points", "pp", now - base, now - base, now - base)]
    try:
        c = convert(now - base, unit, q.unit, period, crude=crude(claim))
    except NotComparable as exc:
        return str(exc)
    return [Reading("difference", q.unit, c.value, c.value, c.value)]


def _show(r: Reading, claim: Claim | None = None) -> str:
    digits = shown_digits(claim) if claim is not None and r.unit == claim.quantity.unit else 2
    return format_magnitude(r.value, r.unit, signed=True, digits=digits)


def _levels(a: Evidence, b: Evidence, joiner: str = "against") -> str:
    """Two levels with enough digits to tell them apart (1.4107 bn against 1.4122 bn)."""
    digits = digits_for(a.value, abs(a.value - b.value) / 20, a.unit) if a.value != b.value else 2
    return f"{format_magnitude(a.value, a.unit, digits=digits)} {joiner} {format_magnitude(b.value, b.unit, digits=digits)}"


def judge_change(claim: Claim, document: str, evidence: Sequence[Evidence], settings: Settings) -> Verdict:
    assert claim.metric and claim.period and claim.quantity
    indicator = catalog.indicators()[claim.metric.id]
    now_p, base_p = change_periods(claim.period, claim.basis)
    relevant = [e for e in evidence if answers(claim, e, indicator)]
    window = interval(claim, settings)
    stated = [
        e for e in evidence
        if e.series == f"{indicator.id}.change_yoy" and same_span(e.period, now_p) and places_match(claim, e, indicator.symmetric)
    ]
    if stated and claim.quantity.unit == "%" and base_p == previous_period(now_p):
        e = stated[0]
        fields = {**said(claim, window), "who": who(e), "period": f"{now_p.label} on {base_p.label}",
                  "observed": format_magnitude(e.value, "%", signed=True) + " as the source states it", "note": ""}
        if contains(window, e.value):
            return verdict(claim, document, "supported", [e], window, **fields)
        return verdict(claim, document, "value-mismatch", [e], window, gap=f"{abs(claim.quantity.value - e.value):.1f} pp",
                       side=side(claim.quantity.value, e.value), **fields)
    pair = _pair(claim, relevant, now_p, base_p)
    if pair is None:
        missing = now_p if not any(same_span(e.period, now_p) for e in relevant) else base_p
        gone = claim.model_copy(update={"period": missing})
        return period_unavailable(gone, document, relevant, settings).model_copy(update={"claim": claim})
    now, base = pair
    allowance = settings.change_allowance
    readings = _readings(claim, now.unit, now.value, base.value, now_p, allowance)
    if isinstance(readings, str):
        return verdict(claim, document, "unit-mismatch", [now, base], claimed=format_magnitude(claim.quantity.value, claim.quantity.unit),
                       who=who(now), observed=f"{format_magnitude(now.value, now.unit)} for {now_p.label}", reason=readings)
    literal, *others = readings
    levels = _levels(now, base)
    fields = {
        **said(claim, window), "who": who(now), "period": f"{now_p.label} on {base_p.label}",
        "observed": f"{_show(literal, claim)} ({levels})",
        "note": (f" Allowing {allowance:.2%} revisions to either level: "
                 f"{format_interval(Interval(low=literal.low, high=literal.high), literal.unit)}." if literal.low != literal.high else "")
                + mirror_note(claim, now, indicator),
    }
    if overlaps(window, literal.low, literal.high):
        if not contains(window, literal.value) and distance(window, literal.value) > REVISION_REACH * abs(literal.value):
            # Population +0.29 % against "+0.5 %": a 0.1 % revision of 68 M levels moves the change by 0.2 pp.
            return verdict(claim, document, "within-revisions", [now, base], window,
                           why=f"Only revisions to the levels would bring {_show(literal, claim)} to the text's figure, and for a change "
                               "this small against its levels those revisions are as large as the change.", **fields)
        if (word := hedged_below(claim)) and literal.value > claim.quantity.value + abs(claim.quantity.value) * ROUNDING_SLACK:
            return verdict(claim, document, "rounding", [now, base], window,
                           why=f"\"{word}\" puts it just under the figure, but the source is above it.", **fields)
        return verdict(claim, document, "supported", [now, base], window, **fields)
    for other in others:
        if overlaps(window, other.low, other.high):
            return verdict(
                claim, document, "ambiguous-claim", [now, base], window,
                stated=f"The text gives a change of {fields['claimed']}; {who(now)} has {levels} ({now_p.label} on {base_p.label}).",
                readings=f"As a {literal.what} that is {_show(literal)}, which does not hold; only as a {other.what} "
                         f"({_show(other)}) does it, and a % change is not a change in percentage points.",
            )
    if math.isnan(literal.value):
        return verdict(claim, document, "unit-mismatch", [now, base], claimed=format_magnitude(claim.quantity.value, claim.quantity.unit),
                       who=who(now), observed=f"{levels} ({now_p.label} on {base_p.label})",
                       reason="a change in % from a level at or below zero is not defined")
    if _far_apart(claim.quantity.value, literal.value, claim.quantity.unit):
        return verdict(
            claim, document, "measure-mismatch", [now, base], window, title=indicator.title, cue=claim.text,
            what=f"a change far from the source's {_show(literal)} ({levels}), most likely of another quantity or period",
        )
    if indicator.closes and (now_p.end - now_p.start).days >= 27:
        futures = indicator.quotes_are_futures and not catalog.says(indicator.id, "spot", claim.sentence)
        slack = 2 * FUTURES_BASIS * 100 if futures and claim.quantity.unit == "%" else 0.0  # pp of change: the basis at each end
        near = overlaps(widened(window, slack), literal.low, literal.high)
        if not catalog.says(indicator.id, "average", claim.sentence):
            # Not said to be the averages' change: news means close to close.
            closed = None if futures and near else _close_to_close(claim, document, relevant, now_p, base_p, window, slack, fields)
            return closed or verdict(
                claim, document, "measure-mismatch", [now, base], window, title=indicator.title, cue=claim.text,
                what=f"a change of a market price over {now_p.label}, which news measures from one close to another, while the "
                     f"source's {levels} are the periods' averages",
            )
        if near and slack:
            return verdict(
                claim, document, "measure-mismatch", [now, base], window, title=indicator.title, cue=claim.text,
                what=f"a change of the futures' average, as news quotes oil, within {slack:.0f} pp (the futures-spot basis at either "
                     f"end) of the spot series' {_show(literal)}",
            )
    if indicator.revised_within and contains(widened(window, indicator.revised_within * abs(literal.value)), literal.value):
        # National counts define the levels otherwise (Poland's population at year end: -131,000; the World Bank's
        # mid-year: -134,396): a change this near the source's, in such a series, is not called wrong.
        return verdict(claim, document, "within-revisions", [now, base], window,
                       why=f"{indicator.title} is estimated and defined differently by national offices (a year-end count, a "
                           f"mid-year estimate); within {indicator.revised_within:.0%} of the change they can differ by, this one says nothing either way.",
                       **fields)
    if indicator.year_end_reading and not catalog.says(indicator.id, "average", claim.sentence):
        return verdict(
            claim, document, "measure-mismatch", [now, base], window, title=indicator.title, cue=claim.text,
            what=f"a change between two rates that offices often give December on December, while this series holds the years' "
                 f"averages ({levels}); the text does not say they are the averages",
        )
    if shifted := _other_change(claim, relevant, window, now_p, settings):
        (e, b), r = shifted
        return verdict(claim, document, "period-mismatch", [now, base, e, b], window,
                       other_period=f"{e.period.label} on {b.period.label}", other_observed=_show(r), **{**fields, "note": ""})
    return verdict(claim, document, "value-mismatch", [now, base], window, gap=_gap(claim.quantity.value, literal),
                   side=side(claim.quantity.value, literal.value), **fields)


def _close_to_close(claim: Claim, document: str, relevant: list[Evidence], now_p: Period, base_p: Period, window: Interval,
                    slack: float, fields: dict) -> Verdict | None:
    """A market's change as news gives it, from the last close of the base period to the last of the period,
    when the source has the days. News quotes oil from the futures market (Brent -10 % in 2023 on ICE, -6 %
    spot), so with a `slack` (pp) for that basis a spot series' closes only contradict, never support."""
    closes = [_last_close(relevant, p) for p in (now_p, base_p)]
    if None in closes:
        return None
    now, base = closes
    readings = _readings(claim, now.unit, now.value, base.value, now_p, 0.0)
    if isinstance(readings, str):
        return None
    r = readings[0]
    basis = f" Allowing {slack:.0f} pp for the futures-spot basis at either end, it still does not hold." if slack else ""
    fields = {**fields, "period": f"{now.period.label} on {base.period.label}, close to close",
              "observed": f"{_show(r, claim)} ({_levels(now, base)}); on the periods' averages {fields['observed']}", "note": basis}
    if not slack and overlaps(window, r.low, r.high):
        return verdict(claim, document, "supported", [now, base], window, **fields)
    if slack and overlaps(widened(window, slack), r.low, r.high):
        return None
    return verdict(claim, document, "value-mismatch", [now, base], window, gap=_gap(claim.quantity.value, r),
                   side=side(claim.quantity.value, r.value), **fields)


def _far_apart(claimed: float, observed: float, unit: str) -> bool:
    """Two changes no misstatement of the one makes the other, so the reading has most likely taken another
    quantity or period: % changes whose growth factors differ more than twice over (-74 % against -10 %), or
    changes in units of the same sign, one more than twice the other (3,168 municipalities against +3.17 M people)."""
    if unit == "pp":
        return False
    if unit == "%":
        a, b = 1 + claimed / 100, 1 + observed / 100
    else:
        a, b = claimed, observed
        if a < 0 and b < 0:
            a, b = -a, -b
    return beyond_order(a, b)


#: How far before a period's end its last close may lie (a year may end on a long weekend).
_CLOSE_REACH = dt.timedelta(days=7)


def _last_close(relevant: list[Evidence], p: Period) -> Evidence | None:
    days = [e for e in relevant if e.period.start == e.period.end and p.end - _CLOSE_REACH <= e.period.end <= p.end]
    return max(days, key=lambda e: e.period.end, default=None)


def _gap(claimed: float, r: Reading) -> str:
    if r.unit in ("%", "pp"):
        return f"{abs(claimed - r.value):.1f} pp"
    return format_magnitude(abs(claimed - r.value), r.unit)


def _other_change(claim: Claim, relevant: list[Evidence], window: Interval, now_p: Period, settings: Settings):
    """The nearest y/y change of the same kind of period that the claim matches."""
    if (now_p.end - now_p.start).days < 27:
        return None  # among daily prices some day always matches by chance
    others = [e.period for e in relevant if not same_span(e.period, now_p) and comparable_periods(e.period, now_p)]
    before = max((p for p in others if p.end < now_p.start), key=lambda p: p.end, default=None)
    after = min((p for p in others if p.start > now_p.end), key=lambda p: p.start, default=None)
    others = [p for p in others if p in (before, after)]
    seen = set()
    for p in sorted(others, key=lambda p: abs((p.end - now_p.end).days)):
        if (p.start, p.end) in seen:
            continue
        seen.add((p.start, p.end))
        pair = _pair(claim, relevant, p, previous_period(p))
        if pair is None:
            continue
        readings = _readings(claim, pair[0].unit, pair[0].value, pair[1].value, p, settings.change_allowance)
        if not isinstance(readings, str) and overlaps(window, readings[0].low, readings[0].high):
            return pair, readings[0]
    return None


def judge_comparison(claim: Claim, document: str, evidence: Sequence[Evidence], settings: Settings) -> Verdict:
    """"China's GDP is four times Japan's", "10 TWh more than the UK": the
    first place against the second, same series and period."""
    assert claim.metric and claim.period and claim.quantity
    indicator = catalog.indicators()[claim.metric.id]
    first, second = _two_places(claim)
    rows = {}
    for code in (first, second):
        found = [e for e in evidence if e.series == indicator.id and e.place == code and e.partner in (None, "WLD")
                 and same_span(e.period, claim.period)]
        if not found:
            gone = claim.model_copy(update={"places": [p for p in claim.places if p.code == code]})
            relevant = [e for e in evidence if e.series == indicator.id and e.place == code]
            return period_unavailable(gone, document, relevant, settings).model_copy(update={"claim": claim})
        rows[code] = ranked(claim, found)[0]
    a, b = rows[first], rows[second]
    readings = _readings(claim, a.unit, a.value, b.value, claim.period, 0.0)
    if isinstance(readings, str):
        return verdict(claim, document, "unit-mismatch", [a, b], claimed=format_magnitude(claim.quantity.value, claim.quantity.unit),
                       who=who(a), observed=format_magnitude(a.value, a.unit), reason=readings)
    literal = readings[0]
    window = interval(claim, settings)
    fields = {
        **said(claim, window), "who": who(a), "period": claim.period.label,
        "observed": f"{_show(literal)} ({name(first)} {format_magnitude(a.value, a.unit)} against {name(second)} {format_magnitude(b.value, b.unit)})",
        "note": "",
    }
    if contains(window, literal.value):
        return verdict(claim, document, "supported", [a, b], window, **fields)
    return verdict(claim, document, "value-mismatch", [a, b], window, gap=_gap(claim.quantity.value, literal),
                   side=side(claim.quantity.value, literal.value), **fields)


def _two_places(claim: Claim) -> tuple[str, str]:
    rival = next((p.code for p in claim.places if p.role == "rival"), None)
    others = [p.code for p in claim.places if p.role != "rival"]
    if rival:
        return others[0], rival
    return others[0], others[1]


def judge_share(claim: Claim, document: str, evidence: Sequence[Evidence], settings: Settings) -> Verdict:
    """"Russia supplied 19 % of China's crude imports": the part over the
    whole, both from the source. A bilateral series' whole is the reporter's
    flow with the world; a single-place series' whole is the world's figure."""
    assert claim.metric and claim.period and claim.quantity
    indicator = catalog.indicators()[claim.metric.id]
    codes = [p.code for p in claim.places if p.role != "rival"]
    at = lambda e: same_span(e.period, claim.period) and e.series == indicator.id  # noqa: E731
    candidates = []
    if indicator.dimensions == ("reporter", "partner"):
        for part_code, reporter in ((codes[0], codes[1]), (codes[1], codes[0])) if len(codes) >= 2 else ():
            part = [e for e in evidence if at(e) and e.place == reporter and e.partner == part_code]
            whole = [e for e in evidence if at(e) and e.place == reporter and e.partner == "WLD"]
            if part and whole:
                candidates.append((part[0], whole[0]))
    else:
        part = [e for e in evidence if at(e) and codes and e.place == codes[0]]
        whole = [e for e in evidence if at(e) and e.place == "WLD"]
        if part and whole:
            candidates.append((part[0], whole[0]))
    if not candidates:
        relevant = [e for e in evidence if e.series == indicator.id]
        return period_unavailable(claim, document, relevant, settings)
    part, whole = candidates[0]
    window = interval(claim, settings)
    if claim.quantity.unit != "%" or whole.value == 0 or part.unit != whole.unit:
        return verdict(claim, document, "unit-mismatch", [part, whole], claimed=format_magnitude(claim.quantity.value, claim.quantity.unit),
                       who=who(part), observed=format_magnitude(part.value, part.unit), reason="a share needs a percentage of a non-zero whole")
    share = part.value / whole.value * 100
    fields = {
        **said(claim, window), "who": who(part), "period": claim.period.label,
        "observed": f"{format_magnitude(share, '%')} ({format_magnitude(part.value, part.unit)} of {format_magnitude(whole.value, whole.unit)})",
        "note": "",
    }
    if contains(window, share):
        return verdict(claim, document, "supported", [part, whole], window, **fields)
    return verdict(claim, document, "value-mismatch", [part, whole], window, gap=f"{abs(claim.quantity.value - share):.1f} pp",
                   side=side(claim.quantity.value, share), **fields)
