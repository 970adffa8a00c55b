"""Claim + evidence -> verdict, for levels (amounts) and rankings.

The judge only compares like with like: the same series, the same places and
exactly the same period (a January-November claim is never checked against a
full-year or a single-month figure). A figure in another unit is converted
only within one dimension (`verifier.convert`), and the message says so.
What it cannot compare it calls `unverifiable` and says why; it never
guesses. Changes, comparisons and shares, which need two observations, are
judged in `verifier.derived`.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .. import catalog
from ..codes import CODES
from .convert import Converted, NotComparable, convert
from ..geo import is_country, name
from ..models import Claim, Evidence, Interval, Period, Verdict
from ..periods import comparable_periods, previous_period, same_span
from ..tolerances import ROUNDING_SLACK, Settings
from ..readable import digits_for, format_interval, format_magnitude, ordinal
from ..match.routing import cited_reporter, reporter


def verdict(
    claim: Claim, document: str, code: str, evidence: Sequence[Evidence] = (), window: Interval | None = None, **fields
) -> Verdict:
    """A verdict whose message is the code's template filled with `fields`."""
    entry = CODES[code]
    return Verdict(
        claim=claim,
        document=document,
        status=entry.status,
        code=code,
        level=entry.level,
        message=entry.message(**fields),
        interval=window,
        evidence=list(evidence),
    )


def interval(claim: Claim, settings: Settings, widen: float = 0.0) -> Interval:
    """The observed values under which the claim holds: the digits' precision,
    widened by the tolerance for hedged figures (and by `widen`, relative, for
    a converted source figure), opened for bounds."""
    q = claim.quantity
    assert q is not None
    v, p = q.value, q.precision
    comparator = "~" if is_multiplier(claim) else q.comparator
    if comparator == "~":
        p += abs(v) * settings.tolerance
    p += abs(v) * widen
    return {
        "=": Interval(low=v - p, high=v + p),
        "~": Interval(low=v - p, high=v + p),
        ">": Interval(low=v - abs(v) * widen, high=None, low_inclusive=widen > 0),
        ">=": Interval(low=v - p, high=None),
        "<": Interval(low=None, high=v + abs(v) * widen, high_inclusive=widen > 0),
        "<=": Interval(low=None, high=v + p),
    }[comparator]


def is_multiplier(claim: Claim) -> bool:
    """"doubled", "a triplé", "halbiert": a change stated by a word, no digits.
    It is as loose as a hedge ("about twice")."""
    q = claim.quantity
    return bool(q and claim.kind in ("change", "comparison") and q.precision == 0 and not any(ch.isdigit() for ch in claim.text))


def _close(x: float, bound: float) -> bool:
    # Bounds are compared with a relative epsilon: 218.2e9 - 0.05e9 is not
    # exactly representable, and a figure on the bound must count as inside.
    return abs(x - bound) <= 1e-9 * max(abs(x), abs(bound))


def contains(i: Interval, x: float) -> bool:
    if math.isnan(x):
        return False
    if i.low is not None and (x < i.low and not _close(x, i.low) or (not i.low_inclusive and (x <= i.low or _close(x, i.low)))):
        return False
    if i.high is not None and (x > i.high and not _close(x, i.high) or (not i.high_inclusive and (x >= i.high or _close(x, i.high)))):
        return False
    return True


def overlaps(i: Interval, low: float, high: float) -> bool:
    """Whether any value in [low, high] lies in `i`."""
    if math.isnan(low) or math.isnan(high):
        return False
    if low > high:
        low, high = high, low
    if contains(i, low) or contains(i, high):
        return True
    inside = i.low if i.low is not None else i.high
    return inside is not None and low < inside < high


@cache
def _below_hedges() -> tuple[str, ...]:
    data = tomllib.loads((resources.files(__package__) / "hedges.toml").read_text("utf-8"))
    return tuple(sorted({w for words in data["below"].values() for w in words}, key=len, reverse=True))


def hedged_below(claim: Claim) -> str | None:
    """The hedge word that puts the true figure just under the written one, if any."""
    text = claim.text.casefold().lstrip()
    return next((w for w in _below_hedges() if text.startswith(w) and text[len(w) : len(w) + 1] in (" ", "\u00a0", "")), None)


def rounding(claim: Claim, observed: float) -> str | None:
    """Why the wording misleads although the figure holds within its digits, or None:
    "nearly 100" for a figure above 100; "more than 218 bn" for 217.96 bn."""
    q = claim.quantity
    assert q is not None
    said = format_magnitude(q.value, q.unit)
    if q.comparator == "~" and (word := hedged_below(claim)) and observed > q.value + abs(q.value) * ROUNDING_SLACK:
        return f"\"{word}\" puts it just under {said}, but the source is above it."
    if q.comparator in (">", ">=") and q.value - q.precision <= observed <= q.value:
        if q.comparator == ">" or observed < q.value and not _close(observed, q.value):
            return f"The figure rounds to {said}, but the text says it is above {said}."
    if q.comparator in ("<", "<=") and q.value <= observed <= q.value + q.precision:
        if q.comparator == "<" or observed > q.value and not _close(observed, q.value):
            return f"The figure rounds to {said}, but the text says it is below {said}."
    return None


def said(claim: Claim, window: Interval) -> dict[str, str]:
    """The claim's side of a message: its figure and the interval used."""
    q = claim.quantity
    assert q is not None
    signed = claim.kind == "change"
    return {
        "claimed": format_magnitude(q.value, q.unit, signed=signed),
        "interval": format_interval(window, q.unit, bare=True),
    }


def shown_digits(claim: Claim) -> int:
    q = claim.quantity
    assert q is not None
    return digits_for(q.value, q.precision, q.unit)


def who(e: Evidence) -> str:
    """Who published the figure, without the list of pages that relayed it."""
    return (e.publisher or e.source).split(" (")[0]


def answers(claim: Claim, e: Evidence, indicator: catalog.Indicator) -> bool:
    """Whether `e` measures what the claim states: its series for the claim's
    places, or, for a directed bilateral flow, that flow as either side
    records it: China's exports to Russia, or Russia's imports from China
    (the mirror), never Russia's exports to China."""
    if indicator.mirror and e.partner is not None:
        codes = [p.code for p in claim.places if p.role != "rival"]
        if len(codes) >= 2:
            a, b = codes[:2]
            return (e.series, e.place, e.partner) in ((indicator.id, a, b), (indicator.mirror, b, a))
    return e.series == indicator.id and places_match(claim, e, indicator.symmetric)


def mirrored(claim: Claim, e: Evidence, indicator: catalog.Indicator) -> bool:
    """Whether `e` is the other side's record of a bilateral flow rather than
    the reporter's own (see `verifier.routing.reporter`). Word order alone
    says whose record a directed flow is ("China's exports"), but not whose
    record a total is, so for a total only an attribution makes the other
    side's figure a mirror."""
    if e.partner is None or not (indicator.mirror or indicator.symmetric):
        return False
    if indicator.symmetric and not cited_reporter(claim):
        return False
    return e.place != reporter(claim)


def places_match(claim: Claim, e: Evidence, symmetric: bool) -> bool:
    codes = [p.code for p in claim.places if p.role != "rival"]
    indicator = catalog.indicators().get(e.series)
    if indicator is not None and indicator.dimensions == ("currency",):
        # An exchange rate is addressed by its currency, not by a country: "7.08 yuan per dollar".
        return claim.quantity is not None and e.place == catalog.rate_currency(claim.quantity.unit)
    if e.partner is not None:
        pair = [e.place, e.partner]
        return sorted(pair) == sorted(codes[:2]) if symmetric or len(codes) >= 2 else e.place in codes
    return not codes if not e.place else e.place == codes[0] if codes else False


def crude(claim: Claim) -> bool:
    return bool(claim.metric and claim.metric.id.startswith("crude."))


def in_unit(claim: Claim, e: Evidence, unit: str | None = None) -> Converted:
    """The evidence's value in the claim's unit (or `unit`). Raises NotComparable."""
    assert claim.quantity is not None
    return convert(e.value, e.unit, unit if unit is not None else claim.quantity.unit, e.period, crude=crude(claim))


def ranked(claim: Claim, candidates: list[Evidence]) -> list[Evidence]:
    """Best evidence first: the reporter's own series before a partner's
    mirror (the country the attribution names, else the first place the claim
    names), then a figure already in the claim's unit, then the latest vintage."""
    first = reporter(claim)
    unit = claim.quantity.unit if claim.quantity else None
    return sorted(
        candidates,
        key=lambda e: (e.place != first, e.unit != unit, -e.retrieved.timestamp(), _negated(e.vintage or "")),
    )


def _negated(text: str) -> tuple[int, ...]:
    return tuple(-ord(c) for c in text)


def judge_amount(claim: Claim, document: str, evidence: Sequence[Evidence], settings: Settings) -> Verdict:
    assert claim.metric and claim.period and claim.quantity
    indicator = catalog.indicators()[claim.metric.id]
    relevant = [e for e in evidence if answers(claim, e, indicator)]
    exact = [e for e in relevant if same_span(e.period, claim.period)]
    if not exact:
        return period_unavailable(claim, document, relevant, settings)
    observed = ranked(claim, exact)[0]
    partners = mirror_note(claim, observed, indicator)
    try:
        value = in_unit(claim, observed)
    except NotComparable as exc:
        return verdict(
            claim, document, "unit-mismatch", [observed],
            claimed=format_magnitude(claim.quantity.value, claim.quantity.unit), who=who(observed),
            observed=format_magnitude(observed.value, observed.unit), reason=str(exc),
        )
    window = interval(claim, settings, settings.conversion_tolerance if value.approximate else 0.0)
    fields = {
        **said(claim, window), "who": who(observed), "period": observed.period.label,
        "observed": format_magnitude(value.value, claim.quantity.unit, digits=shown_digits(claim)), "note": value.note + partners,
    }
    if contains(window, value.value):
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
            own=f"{_flow(observed, indicator)}: {fields['observed']} ({who(observed)})",
            mirror=f"{_flow(e, indicator)}: {format_magnitude(converted.value, claim.quantity.unit, digits=shown_digits(claim))} ({who(e)})",
            why=f"Each side records the flow its own way (exports valued FOB, imports CIF, shipments dated and attributed "
                f"differently); the text's figure is {name(e.place)}'s record.",
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


def _flow(e: Evidence, indicator: catalog.Indicator) -> str:
    """"Russia's imports from China": a bilateral figure as its reporter records it."""
    relation = catalog.indicators()[e.series].relation if e.series in catalog.indicators() else None
    if relation is None:
        return f"{name(e.place)}'s {indicator.title.lower()} ({name(e.partner or '')})"
    return f"{name(e.place)}'s {relation} {name(e.partner or '')}"


def mirror_note(claim: Claim, observed: Evidence, indicator: catalog.Indicator) -> str:
    """A sentence saying the figure used is the partner's record, or ""."""
    if not mirrored(claim, observed, indicator):
        return ""
    own = reporter(claim)
    return (f" No {name(own)}-reported figure was found; this is {_flow(observed, indicator)}, "
            f"the partner's record of the same flow.") if own else ""


def gap(claimed: float, observed: float) -> str:
    if not observed:
        return "∞ %"
    g = (claimed - observed) / abs(observed) * 100
    return f"{abs(g):.1f} %"


def side(claimed: float, observed: float) -> str:
    return "above" if claimed > observed else "below"


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
    others = [e for e in relevant if not same_span(e.period, claim.period) and comparable_periods(e.period, claim.period)]
    return _first_matching(claim, sorted(others, key=lambda e: (abs((e.period.end - claim.period.end).days), e.period.start)), settings)


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
        note = f" The text's figure matches the one for {other[0].period.label} ({format_magnitude(other[1].value, claim.quantity.unit)})."
        nearest = [*nearest, other[0]] if other[0] not in nearest else nearest
    return verdict(
        claim, document, "period-unavailable", nearest,
        who=who(nearest[0]), period=claim.period.label, nearest=shown, note=note,
    )


def place_list(claim: Claim) -> str:
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
        return verdict(claim, document, "no-evidence", reason="The text does not say which country holds the rank.")
    table = _table(evidence, claim.metric.id, claim.period)
    if subject not in table.values:
        return period_unavailable(claim, document, [e for e in evidence if _ranked_code(e) == subject], settings)
    value = table.values[subject]
    order = sorted(table.values.items(), key=lambda kv: -kv[1])
    rank = 1 + sum(1 for _, v in order if v > value)
    unit = table.rows[subject].unit
    used = [table.rows[code] for code, _ in order[: max(claim.rank, rank) + 1]]
    if rival and rival in table.rows and table.rows[rival] not in used:
        used.append(table.rows[rival])
    listed = f"{name(subject)} ranks {ordinal(rank)} of the {len(order)} entries {who(table.rows[subject])} lists for {claim.period.label}"
    top = ", ".join(f"{name(c)} {format_magnitude(v, unit)}" for c, v in order[: max(claim.rank, rank) + 1])
    ranking = f"{listed} ({top})."
    if rank > claim.rank:
        return verdict(claim, document, "rank-mismatch", used, ranking=ranking, detail="")
    # Listed rank <= claimed: any entry the table lacks could push the subject down (or, had it
    # been listed, have pushed it down already), so bound what is missing.
    if table.total is None:
        return verdict(claim, document, "rank-incomplete", used, ranking=ranking,
                       detail=" The source gives no total, so entries it does not list cannot be ruled out.")
    used.append(table.total)
    missing = table.total.value - sum(table.values.values())
    if missing >= value:
        return verdict(
            claim, document, "rank-incomplete", used, ranking=ranking,
            detail=f" Unlisted entries add up to {format_magnitude(missing, unit)} of the "
            f"{format_magnitude(table.total.value, unit)} total, enough for one of them to rank above {name(subject)}.",
        )
    if rank < claim.rank:
        return verdict(claim, document, "rank-mismatch", used, ranking=ranking, detail="")
    detail = (
        f" The {format_magnitude(table.total.value, unit)} total leaves at most "
        f"{format_magnitude(missing, unit)} to unlisted entries, less than {name(subject)}'s figure."
    )
    if rival:
        return _overtook(claim, document, ranking, detail, used, evidence, table, subject, rival)
    return verdict(claim, document, "rank-supported", used, ranking=ranking, detail=detail)


def _overtook(claim, document, ranking, detail, used, evidence, table, subject, rival) -> Verdict:
    """"X overtook Y": X ahead of Y in the claimed period, Y ahead of X in the one before."""
    previous = previous_period(claim.period)
    before = _table(evidence, claim.metric.id, previous)
    unit = table.rows[subject].unit
    if rival not in table.values or subject not in before.values or rival not in before.values:
        return verdict(
            claim, document, "rank-incomplete", used, ranking=ranking,
            detail=f"{detail} The source lacks {name(rival)} or {name(subject)} for {previous.label}, so the overtaking cannot be checked.",
        )
    used += [before.rows[rival], before.rows[subject]]
    then = f"In {previous.label} {name(rival)} {format_magnitude(before.values[rival], unit)} vs {name(subject)} {format_magnitude(before.values[subject], unit)}"
    if before.values[rival] > before.values[subject] and table.values[subject] > table.values[rival]:
        return verdict(claim, document, "rank-supported", used, ranking=ranking, detail=f"{detail} {then}: {name(subject)} overtook {name(rival)}.")
    return verdict(claim, document, "rank-mismatch", used, ranking=ranking, detail=f"{detail} {then}: no overtaking.")


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
        if e.series == series and e.unit == indicator.unit and same_span(e.period, period)
    }
    total = rows.pop("WLD", None)
    # Only countries are ranked: regional and income-group rows would outrank them.
    rows = {c: e for c, e in rows.items() if is_country(c)}
    return _Table({c: e.value for c, e in rows.items()}, rows, total)
