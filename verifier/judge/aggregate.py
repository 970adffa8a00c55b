"""Period algebra at the source boundary: figures for parts of a claim's
period summed into the period itself, with a coverage check.

Only additive series (flows: trade, imports) are summed; prices, rates and
stocks never are. The parts must tile the period exactly (every month once,
none outside it), so a January–November claim is met by eleven months, or by
a January–February figure (China's customs report the two together) and nine
months, but never by a full year or a year-to-date figure that runs past it.
When the parts do not cover the period, `missing` says which months lack.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from ..models import Evidence, Period


@dataclass(frozen=True)
class Summed:
    evidence: list[Evidence]  # one summed figure per source, places and unit that cover the period
    missing: dict[str, list[str]]  # source -> the months it lacks, where it has some but not all


def sum_into(period: Period, evidence: Sequence[Evidence]) -> Summed:
    """Sum the figures inside `period` per (source, series, place, partner, unit),
    for every group that has no figure for exactly `period` already."""
    groups: dict[tuple, list[Evidence]] = {}
    exact = set()
    for e in evidence:
        key = (e.source, e.series, e.place, e.partner, e.unit)
        if (e.period.start, e.period.end) == (period.start, period.end):
            exact.add(key)
        elif period.start <= e.period.start and e.period.end <= period.end and _whole_months(e.period):
            groups.setdefault(key, []).append(e)
    summed, missing = [], {}
    for key, parts in groups.items():
        if key in exact:
            continue
        tiling = _tile(period, parts)
        if tiling is None:
            gaps = _uncovered(period, parts)
            if gaps:
                missing.setdefault(key[0], gaps)
            continue
        summed.append(_sum(period, tiling))
    return Summed(summed, missing)


def _whole_months(p: Period) -> bool:
    return p.start.day == 1 and p.end.day == calendar.monthrange(p.end.year, p.end.month)[1]


def _tile(period: Period, parts: list[Evidence]) -> list[Evidence] | None:
    """Parts that cover `period` end to end without overlap, finest first."""
    by_start: dict[dt.date, list[Evidence]] = {}
    for e in parts:
        by_start.setdefault(e.period.start, []).append(e)
    for options in by_start.values():
        options.sort(key=lambda e: e.period.end)
    dead: set[dt.date] = set()

    def walk(cursor: dt.date) -> list[Evidence] | None:
        if cursor == period.end + dt.timedelta(days=1):
            return []
        if cursor in dead:
            return None
        seen = set()
        for e in by_start.get(cursor, []):
            if e.period.end in seen:
                continue  # the same span again (another row for it): one is enough
            seen.add(e.period.end)
            rest = walk(e.period.end + dt.timedelta(days=1))
            if rest is not None:
                return [e, *rest]
        dead.add(cursor)
        return None

    return walk(period.start)


def _uncovered(period: Period, parts: list[Evidence]) -> list[str]:
    out = []
    y, m = period.start.year, period.start.month
    while (y, m) <= (period.end.year, period.end.month):
        first = dt.date(y, m, 1)
        if not any(e.period.start <= first <= e.period.end for e in parts):
            out.append(f"{calendar.month_name[m]} {y}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _sum(period: Period, parts: list[Evidence]) -> Evidence:
    first = parts[0]
    # Decimal, so that the sum of figures written to the cent stays exact.
    total = float(sum((Decimal(repr(e.value)) for e in parts), Decimal(0)))
    combined = [e.period.label for e in parts if (e.period.start.year, e.period.start.month) != (e.period.end.year, e.period.end.month)]
    note = f"sum of {len(parts)} figures, {parts[0].period.label} to {parts[-1].period.label}"
    if combined:
        note += f"; {', '.join(combined)} reported together"
    urls = list(dict.fromkeys(e.url for e in parts))
    vintages = list(dict.fromkeys(e.vintage for e in parts if e.vintage))
    return first.model_copy(
        update={
            "period": Period(start=period.start, end=period.end, label=period.label),
            "value": total,
            "url": urls[0],
            "retrieved": max(e.retrieved for e in parts),
            "vintage": "; ".join(vintages) or None,
            "note": note if len(urls) == 1 else f"{note}; from {len(urls)} requests, the first shown",
        }
    )
