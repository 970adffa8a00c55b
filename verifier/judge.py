"""Claim + evidence -> verdict.

The judge only compares like with like: the same series, the same places and
exactly the same period (a January-November claim is never checked against a
full-year or a single-month figure). What it cannot compare it calls
`unverifiable` and says why; it never guesses.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from . import catalog
from .codes import CODES
from .geo import is_country, name
from .models import Claim, Evidence, Interval, Period, Verdict
from .readable import format_interval, format_magnitude, ordinal

#: Relative half-width added for hedged figures ("about", "près de", "rund").
DEFAULT_TOLERANCE = 0.05


@dataclass(frozen=True)
class Settings:
    tolerance: float = DEFAULT_TOLERANCE


def verdict(claim: Claim, document: str, code: str, message: str, evidence: Sequence[Evidence] = (), interval=None) -> Verdict:
    entry = CODES[code]
    return Verdict(
        claim=claim,
        document=document,
        status=entry.status,
        code=code,
        level=entry.level,
        message=message,
        interval=interval,
        evidence=list(evidence),
    )


def interval(claim: Claim, settings: Settings) -> Interval:
    """The observed values under which the claim holds: the digits' precision,
    widened by the tolerance for hedged figures, opened for bounds."""
    q = claim.quantity
    assert q is not None
    v, p = q.value, q.precision
    if q.comparator == "~":
        p += abs(v) * settings.tolerance
    return {
        "=": Interval(low=v - p, high=v + p),
        "~": Interval(low=v - p, high=v + p),
        ">": Interval(low=v, high=None, low_inclusive=False),
        ">=": Interval(low=v - p, high=None),
        "<": Interval(low=None, high=v, high_inclusive=False),
        "<=": Interval(low=None, high=v + p),
    }[q.comparator]


def contains(i: Interval, x: float) -> bool:
    # Bounds are compared with a relative epsilon: 218.2e9 - 0.05e9 is not
    # exactly representable, and a figure on the bound must count as inside.
    def close(bound: float) -> bool:
        return abs(x - bound) <= 1e-9 * max(abs(x), abs(bound))

    if i.low is not None and (x < i.low and not close(i.low) or (not i.low_inclusive and (x <= i.low or close(i.low)))):
        return False
    if i.high is not None and (x > i.high and not close(i.high) or (not i.high_inclusive and (x >= i.high or close(i.high)))):
        return False
    return True


def _places_match(claim: Claim, e: Evidence, symmetric: bool) -> bool:
    codes = [p.code for p in claim.places]
    if e.partner is not None:
        pair = [e.place, e.partner]
        return sorted(pair) == sorted(codes[:2]) if symmetric or len(codes) >= 2 else e.place in codes
    return not codes if not e.place else e.place == codes[0] if codes else False


def judge_amount(claim: Claim, document: str, evidence: Sequence[Evidence], settings: Settings) -> Verdict:
    assert claim.metric and claim.period and claim.quantity
    indicator = catalog.indicators()[claim.metric.id]
    relevant = [e for e in evidence if e.series == indicator.id and _places_match(claim, e, indicator.symmetric)]
    exact = [e for e in relevant if (e.period.start, e.period.end) == (claim.period.start, claim.period.end)]
    if not exact:
        return _period_mismatch(claim, document, relevant)
    observed = _preferred(claim, exact)
    if observed.unit != claim.quantity.unit:
        return verdict(
            claim, document, "unit-mismatch",
            f"The text states {claim.quantity.unit or 'a plain number'}; {observed.source} gives "
            f"{format_magnitude(observed.value, observed.unit)} and no conversion is configured.",
            [observed],
        )
    window = interval(claim, settings)
    said = f"Article: {format_magnitude(claim.quantity.value, claim.quantity.unit)} ({format_interval(window, claim.quantity.unit)})."
    seen = f"{_who(observed)}: {format_magnitude(observed.value, observed.unit)}, {observed.period.label}."
    if contains(window, observed.value):
        return verdict(claim, document, "supported", f"{said} {seen}", [observed], window)
    gap = (claim.quantity.value - observed.value) / observed.value * 100 if observed.value else float("inf")
    return verdict(
        claim, document, "value-mismatch",
        f"{said} {seen} The text is {abs(gap):.1f} % {'above' if gap > 0 else 'below'} the source.",
        [observed], window,
    )


def _who(e: Evidence) -> str:
    """Who published the figure, without the list of pages that relayed it."""
    return (e.publisher or e.source).split(" (")[0]


def _preferred(claim: Claim, exact: list[Evidence]) -> Evidence:
    """A reporter's own series before a partner's mirror: the first place the
    claim names is usually whose statistics the text quotes."""
    first = claim.places[0].code if claim.places else None
    return next((e for e in exact if e.place == first), exact[0])


def _period_mismatch(claim: Claim, document: str, relevant: list[Evidence]) -> Verdict:
    assert claim.period
    if not relevant:
        return verdict(
            claim, document, "no-evidence",
            f"No configured source holds {claim.metric.id if claim.metric else 'this figure'} for "
            f"{_place_list(claim) or 'these places'}.",
        )
    nearest = sorted(relevant, key=lambda e: abs((e.period.end - claim.period.end).days))[:3]
    shown = "; ".join(f"{format_magnitude(e.value, e.unit)} for {e.period.label}" for e in nearest)
    return verdict(
        claim, document, "period-mismatch",
        f"The source has no figure for exactly {claim.period.label}; nearest periods: {shown}.",
        nearest,
    )


def _place_list(claim: Claim) -> str:
    return ", ".join(name(p.code) for p in claim.places)


def judge_ranking(claim: Claim, document: str, evidence: Sequence[Evidence], settings: Settings) -> Verdict:
    """Rank the subject among every entity the source holds for the period.

    Supplier tables are often partial. When the source also gives the total
    (the World row), whatever the table lacks is at most total minus the
    listed entries, so a rank is only confirmed when no missing entry could
    change it; without a total, a rank cannot be confirmed at all."""
    assert claim.metric and claim.period and claim.rank
    roles = {p.role: p.code for p in claim.places}
    subject, rival = roles.get("subject"), roles.get("rival")
    if subject is None:
        return verdict(claim, document, "no-evidence", "The text does not say which country holds the rank.")
    table = _table(evidence, claim.metric.id, claim.period)
    if subject not in table.values:
        return _period_mismatch(claim, document, [e for e in evidence if _ranked_code(e) == subject])
    value = table.values[subject]
    order = sorted(table.values.items(), key=lambda kv: -kv[1])
    rank = 1 + sum(1 for _, v in order if v > value)
    unit = table.rows[subject].unit
    used = [table.rows[code] for code, _ in order[: max(claim.rank, rank) + 1]]
    if rival and rival in table.rows and table.rows[rival] not in used:
        used.append(table.rows[rival])
    listed = f"{name(subject)} ranks {ordinal(rank)} of the {len(order)} entries {_who(table.rows[subject])} lists for {claim.period.label}"
    top = ", ".join(f"{name(c)} {format_magnitude(v, unit)}" for c, v in order[: max(claim.rank, rank) + 1])
    message = f"{listed} ({top})."
    if rank > claim.rank:
        return verdict(claim, document, "rank-mismatch", message, used)
    # Listed rank <= claimed: any entry the table lacks could push the subject down (or, had it
    # been listed, have pushed it down already), so bound what is missing.
    if table.total is None:
        return verdict(claim, document, "rank-incomplete", f"{message} The source gives no total, so suppliers it does not list cannot be ruled out.", used)
    used.append(table.total)
    missing = table.total.value - sum(table.values.values())
    if missing >= value:
        return verdict(
            claim, document, "rank-incomplete",
            f"{message} Unlisted entries add up to {format_magnitude(missing, unit)} of the "
            f"{format_magnitude(table.total.value, unit)} total, enough for one of them to rank above {name(subject)}.",
            used,
        )
    if rank < claim.rank:
        return verdict(claim, document, "rank-mismatch", message, used)
    message += (
        f" The {format_magnitude(table.total.value, unit)} total leaves at most "
        f"{format_magnitude(missing, unit)} to unlisted entries, less than {name(subject)}'s figure."
    )
    if rival:
        return _overtook(claim, document, message, used, evidence, table, subject, rival)
    return verdict(claim, document, "rank-supported", message, used)


def _overtook(claim, document, message, used, evidence, table, subject, rival) -> Verdict:
    """"X overtook Y": X ahead of Y in the claimed period, Y ahead of X in the one before."""
    previous = previous_period(claim.period)
    before = _table(evidence, claim.metric.id, previous)
    unit = table.rows[subject].unit
    if rival not in table.values or subject not in before.values or rival not in before.values:
        return verdict(
            claim, document, "period-mismatch",
            f"{message} The source lacks {name(rival)} or {name(subject)} for {previous.label}, so the overtaking cannot be checked.",
            used,
        )
    used += [before.rows[rival], before.rows[subject]]
    then = f"In {previous.label} {name(rival)} {format_magnitude(before.values[rival], unit)} vs {name(subject)} {format_magnitude(before.values[subject], unit)}"
    if before.values[rival] > before.values[subject] and table.values[subject] > table.values[rival]:
        return verdict(claim, document, "rank-supported", f"{message} {then}: {name(subject)} overtook {name(rival)}.", used)
    return verdict(claim, document, "rank-mismatch", f"{message} {then}: no overtaking.", used)


def previous_period(p: Period) -> Period:
    """The same span one year earlier (the period an "overtook" compares with)."""
    start, end = p.start.replace(year=p.start.year - 1), p.end
    end = end.replace(year=end.year - 1, day=28) if (end.month, end.day) == (2, 29) else end.replace(year=end.year - 1)
    label = p.label.replace(str(p.start.year), str(start.year)) if p.start.year == p.end.year else f"{start}–{end}"
    return Period(start=start, end=end, label=label)


def _ranked_code(e: Evidence) -> str:
    return e.partner if e.partner is not None else e.place


@dataclass
class _Table:
    values: dict[str, float]
    rows: dict[str, Evidence]
    total: Evidence | None


def _table(evidence: Sequence[Evidence], series: str, period: Period) -> _Table:
    indicator = catalog.indicators()[series]
    rows = {
        _ranked_code(e): e
        for e in evidence
        if e.series == series and e.unit == indicator.unit and (e.period.start, e.period.end) == (period.start, period.end)
    }
    total = rows.pop("WLD", None)
    # Only countries are ranked: regional and income-group rows would outrank them.
    rows = {c: e for c, e in rows.items() if is_country(c)}
    return _Table({c: e.value for c, e in rows.items()}, rows, total)
