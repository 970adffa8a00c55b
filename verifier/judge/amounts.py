"""Claim + evidence -> verdict, for levels (amounts).

The judge only compares like with like: the same series, the same places and
exactly the same period (a January-November claim is never checked against a
full-year or a single-month figure). A figure in another unit is converted
only within one dimension (`verifier.judge.convert`), and the message says so.
What it cannot compare it calls `unverifiable` and says why; it never
guesses. Changes, comparisons and shares, which need two observations, are
judged in `verifier.judge.derived`; rankings in `verifier.judge.rankings`.
"""

from __future__ import annotations

from collections.abc import Sequence

from .. import catalog
from ..codes import ending, verdict
from ..geo import name
from ..models import Claim, Evidence, Interval, Verdict
from ..periods import calendar_years, comparable_periods, same_span
from ..readable import format_magnitude
from ..tolerances import FUTURES_BASIS, Settings
from .convert import Converted, NotComparable
from .evidence import answers, in_unit, mirror_note, place_list, ranked, recorded_flow, who
from .intervals import as_published, beyond_order, contains, gap, interval, overlaps, rounding, said, shown_digits, side


def judge_amount(claim: Claim, document: str, evidence: Sequence[Evidence], settings: Settings) -> Verdict:
    assert claim.metric and claim.period and claim.quantity
    indicator = catalog.indicators()[claim.metric.id]
    own = catalog.stated_in(indicator, claim.quantity.unit)
    relevant = [e for e in evidence if answers(claim, e, indicator) or own is not None and answers(claim, e, own)]
    exact = [e for e in relevant if same_span(e.period, claim.period)]
    if not exact:
        return period_unavailable(claim, document, relevant, settings)
    observed = ranked(claim, exact)[0]
    partners = mirror_note(claim, observed, indicator)
    spread = indicator.averages_differ if claim.period.end > claim.period.start else 0.0
    if report := _other_report(claim, observed, exact, interval(claim, settings, spread)):
        partners += f" Reports of this figure differ: {format_magnitude(observed.value, observed.unit)} is also reported."
        observed = report
    try:
        value = in_unit(claim, observed)
    except NotComparable as exc:
        return verdict(
            claim, document, "unit-mismatch", [observed],
            claimed=format_magnitude(claim.quantity.value, claim.quantity.unit), who=who(observed),
            observed=format_magnitude(observed.value, observed.unit), reason=str(exc),
        )
    # A figure converted at an average factor (a year's exchange rate, 7.33 barrels a tonne) supports the text only
    # within the text's own digits: just outside them, the factor the text used may be all that differs (below).
    window = interval(claim, settings, spread)
    averaged = f" Publishers average a period's values differently (a daily fixing, a noon rate, a close): allowing {spread:.1%}." if spread else ""
    fields = {
        **said(claim, window), "who": who(observed), "period": observed.period.label,
        "observed": format_magnitude(value.value, claim.quantity.unit, digits=shown_digits(claim)), "note": value.note + averaged + partners,
    }
    if _far_from_bound(claim, value.value):
        return verdict(claim, document, "bound-far", [observed], window, **fields)
    if contains(window, value.value) or _within_publication(claim, window, observed, value):
        if why := rounding(claim, value.value):
            return verdict(claim, document, "rounding", [observed], window, why=why, **fields)
        return verdict(claim, document, "supported", [observed], window, **fields)
    # Outside the interval only a bound can be a rounding ("more than 218 bn"
    # for 217.96 bn); a hedge's band is already as wide as it gets.
    if claim.quantity.comparator != "~" and (why := rounding(claim, value.value)):
        return verdict(claim, document, "rounding", [observed], window, why=why, **fields)
    if older := _older_vintage(claim, observed, exact, window):
        return verdict(
            claim, document, "newer-data", [observed, older], window,
            old=format_magnitude(in_unit(claim, older).value, claim.quantity.unit),
            old_vintage=older.vintage or f"retrieved {older.retrieved:%Y-%m-%d}",
            vintage=observed.vintage or f"retrieved {observed.retrieved:%Y-%m-%d}",
            **fields,
        )
    if other_side := _agreeing_mirror(claim, observed, exact, settings):
        e, converted = other_side
        return verdict(
            claim, document, "sources-disagree", [observed, e], window,
            **{k: fields[k] for k in ("claimed", "interval", "period", "note")},
            own=f"{recorded_flow(observed, indicator)}: {fields['observed']} ({who(observed)})",
            mirror=f"{recorded_flow(e, indicator)}: {format_magnitude(converted.value, claim.quantity.unit, digits=shown_digits(claim))} ({who(e)})",
            why=f"Each side records the flow its own way (exports valued FOB, imports CIF, shipments dated and attributed "
                f"differently); the text's figure is {name(e.place)}'s record.",
        )
    if value.approximate and contains(interval(claim, settings, 3 * settings.conversion_tolerance), value.value):
        # Near the interval, a converted figure does not prove the text wrong: the publisher
        # may have converted at another rate (a day's, a month's) than the period's average.
        return verdict(
            claim, document, "unit-mismatch", [observed], window,
            claimed=format_magnitude(claim.quantity.value, claim.quantity.unit), who=who(observed),
            observed=format_magnitude(observed.value, observed.unit),
            reason=f"converted ({fields['observed']}) it lies just outside the claim's interval ({fields['interval']}); "
            "so near, a converted figure does not prove the text wrong, as the text may have converted at another rate",
        )
    if indicator.quotes_are_futures and not catalog.says(indicator.id, "spot", claim.sentence) and (
        not catalog.says(indicator.id, "average", claim.sentence) or contains(interval(claim, settings, FUTURES_BASIS), value.value)
    ):
        # Over a month or a year news gives the futures' average (ICE Brent 2022: $99.04, against $100.93
        # spot), or one day's quote within it when it says no average: near the spot mean, or with no
        # average said, the figure may be right about another quantity than this series.
        return verdict(
            claim, document, "measure-mismatch", [observed], window, title=indicator.title, cue=claim.text,
            what=f"a market price for {claim.period.label}, which news takes from the futures market (its average, or a day's quote) unless it says spot",
        )
    if indicator.year_end_reading and not catalog.says(indicator.id, "average", claim.sentence) and _plausibly_year_end(claim, observed, relevant, settings):
        return verdict(
            claim, document, "measure-mismatch", [observed], window, title=indicator.title, cue=claim.text,
            what=f"a rate for {claim.period.label} that offices often give December on December, while this series is the year's average; "
            "the text does not say it is the average",
        )
    if beyond_order(claim.quantity.value, value.value):
        # News misstates a level by a digit or a year, not by half: a figure this far off is most likely another quantity
        # the reading took for this one (a change restated in units, a part, another currency).
        return verdict(
            claim, document, "measure-mismatch", [observed], window, title=indicator.title, cue=claim.text,
            what=f"a figure {_times(claim.quantity.value, value.value)} the source's ({fields['observed']}), most likely another quantity",
        )
    if indicator.parts_below and claim.quantity.value < (1 - indicator.parts_below) * value.value:
        return verdict(
            claim, document, "measure-mismatch", [observed], window, title=indicator.title, cue=claim.text,
            what=f"a figure {1 - claim.quantity.value / value.value:.0%} below the whole ({fields['observed']}), most likely a part of it",
        )
    if other := _other_period(claim, relevant, settings):
        e, converted = other
        return verdict(
            claim, document, "period-mismatch", [observed, e], window,
            other_period=e.period.label, other_observed=format_magnitude(converted.value, claim.quantity.unit, digits=shown_digits(claim)), **fields,
        )
    return verdict(
        claim, document, "value-mismatch", [observed], window,
        gap=gap(claim.quantity.value, value.value), side=side(claim.quantity.value, value.value), **fields,
    )


def _plausibly_year_end(claim: Claim, observed: Evidence, relevant: list[Evidence], settings: Settings) -> bool:
    """Whether a year's rate unlike its annual average may be its December-on-December rate: that one lies,
    in practice, near the averages of the year before, the year and the year after (TurkStat 2023:
    64.77 % December on December, between the 72.3 % and 53.9 % averages of 2022 and 2023)."""
    p = claim.period
    if p is None or calendar_years(p) != 1:
        return False
    years = {p.start.year - 1, p.start.year, p.start.year + 1}
    values = [observed.value] + [
        e.value for e in relevant
        if e.series == observed.series and e.place == observed.place and e.period.start.year in years and calendar_years(e.period) == 1
    ]
    # The December rate runs ahead of the averages while inflation climbs (Honduras 2022: 9.8 % against a 9.09 % average):
    # a tenth of the year's own average beyond them is still that reading.
    reach = 0.1 * abs(observed.value)
    return overlaps(interval(claim, settings), min(values) - reach, max(values) + reach)


def _within_publication(claim: Claim, window: Interval, observed: Evidence, value: Converted) -> bool:
    """Whether the source's figure, read to the digits it was published with, reaches the claim's interval."""
    low, high = as_published(observed.value)
    scale = value.value / observed.value if observed.value else 1.0
    # Only a source coarser than the text widens: "218 bn" against 219 bn is a mismatch,
    # "190.271 bn" against 190.27 bn is the same figure written to fewer digits.
    if (high - low) / 2 * abs(scale) <= claim.quantity.precision:
        return False
    return overlaps(window, low * scale, high * scale)



def _agreeing_mirror(claim: Claim, observed: Evidence, exact: list[Evidence], settings: Settings) -> tuple[Evidence, Converted] | None:
    """The other side's record of the same flow and period, when the claim
    matches it although it does not match the preferred record."""
    indicator = catalog.indicators()[claim.metric.id] if claim.metric else None
    if indicator is None or not (indicator.mirror or indicator.symmetric):
        return None  # the other direction of a flow without a mirror is another flow
    return _first_matching(claim, ranked(claim, [e for e in exact if e.partner is not None and e.place != observed.place]), settings)


def _first_matching(claim: Claim, candidates: Sequence[Evidence], settings: Settings) -> tuple[Evidence, Converted] | None:
    """The first figure, in order, that lies in the claim's interval once in its unit."""
    for e in candidates:
        try:
            value = in_unit(claim, e)
        except NotComparable:
            continue
        if contains(interval(claim, settings, settings.conversion_tolerance if value.approximate else 0.0), value.value):
            return e, value
    return None


def _other_report(claim: Claim, first: Evidence, exact: list[Evidence], window: Interval) -> Evidence | None:
    """Another report of the same figure, in the same unit, that the claim matches when `first` does not: the
    press carried one customs figure as 2.14 and as 2.15 million barrels a day, and the text quotes one of them."""
    key = lambda e: (e.source, e.series, e.place, e.partner, e.unit, e.vintage)  # noqa: E731  (another edition is `newer-data`'s)
    same = [e for e in exact if e is not first and key(e) == key(first)]
    try:
        if not same or contains(window, in_unit(claim, first).value):
            return None
        return next((e for e in same if contains(window, in_unit(claim, e).value)), None)
    except NotComparable:
        return None


def _times(claimed: float, observed: float) -> str:
    ratio = claimed / observed
    return f"{ratio:.3g} times" if ratio > 1 else f"{1 / ratio:.3g} times below"


#: How far past its bound a figure may lie and still be the one the bound is about: "more than
#: $200 billion" is said of 240 bn, not of 1.8 trillion.
_BOUND_REACH = 2.0


def _far_from_bound(claim: Claim, observed: float) -> bool:
    q = claim.quantity
    assert q is not None
    if q.comparator in (">", ">=") and q.value > 0:
        return observed > _BOUND_REACH * q.value
    if q.comparator in ("<", "<=") and q.value > 0:
        return 0 < observed < q.value / _BOUND_REACH
    return False


def _older_vintage(claim: Claim, current: Evidence, exact: list[Evidence], window: Interval) -> Evidence | None:
    """An earlier edition of the same observation that the claim matches: the
    text was right when written, and the source has revised the figure since."""
    for e in exact:
        same = (e.source, e.place, e.partner) == (current.source, current.place, current.partner)
        if same and e is not current and e.vintage != current.vintage and e.retrieved <= current.retrieved:
            try:
                if contains(window, in_unit(claim, e).value):
                    return e
            except NotComparable:
                continue
    return None


def _other_period(claim: Claim, relevant: list[Evidence], settings: Settings) -> tuple[Evidence, Converted] | None:
    """The nearest period of the same kind whose figure the claim matches."""
    assert claim.period
    # Only a period of a month or more, and only the nearest one on each side:
    # among a year of daily prices one always lies near any figure by chance.
    if (claim.period.end - claim.period.start).days < 27:
        return None
    others = [e for e in relevant if not same_span(e.period, claim.period) and comparable_periods(e.period, claim.period)]
    before = max((e for e in others if e.period.end < claim.period.start), key=lambda e: e.period.end, default=None)
    after = min((e for e in others if e.period.start > claim.period.end), key=lambda e: e.period.start, default=None)
    nearest = [e.period for e in (before, after) if e is not None]
    neighbours = [e for e in others if any(same_span(e.period, p) for p in nearest)]
    return _first_matching(claim, sorted(neighbours, key=lambda e: (abs((e.period.end - claim.period.end).days), e.period.start)), settings)


def period_unavailable(claim: Claim, document: str, relevant: list[Evidence], settings: Settings) -> Verdict:
    assert claim.period
    if not relevant:
        return verdict(
            claim, document, "no-evidence",
            reason=f"No configured source holds {claim.metric.id if claim.metric else 'this figure'} for "
            f"{place_list(claim) or 'these places'} around {claim.period.label}.",
        )
    nearest = sorted(relevant, key=lambda e: (abs((e.period.end - claim.period.end).days), -(e.period.end - e.period.start).days))[:3]
    shown = "; ".join(f"{format_magnitude(e.value, e.unit)} for {e.period.label}" for e in nearest)
    note = ""
    if claim.quantity and (other := _other_period(claim, relevant, settings)):
        note = ending("matches-other-period", period=other[0].period.label, observed=format_magnitude(other[1].value, claim.quantity.unit))
        nearest = [*nearest, other[0]] if other[0] not in nearest else nearest
    return verdict(
        claim, document, "period-unavailable", nearest,
        who=who(nearest[0]), period=claim.period.label, nearest=shown, note=note,
    )


