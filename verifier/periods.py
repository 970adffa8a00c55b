"""Period arithmetic every stage shares: spans, whole months, shifts by months and years."""

from __future__ import annotations

import calendar
import datetime as dt

from .models import Period


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def months_period(year: int, first: int, last: int) -> Period:
    """Months first..last of one year, labelled as people write them ("2023", "January–November 2023")."""
    names = calendar.month_name
    label = str(year) if (first, last) == (1, 12) else f"{names[first]} {year}" if first == last else f"{names[first]}–{names[last]} {year}"
    return Period(start=dt.date(year, first, 1), end=month_end(year, last), label=label)


def same_span(a: Period, b: Period) -> bool:
    return (a.start, a.end) == (b.start, b.end)


def months(p: Period) -> int | None:
    """Whole calendar months a period covers, or None if it does not cover whole months."""
    if p.start.day != 1 or p.end.day != calendar.monthrange(p.end.year, p.end.month)[1]:
        return None
    return (p.end.year - p.start.year) * 12 + p.end.month - p.start.month + 1


def calendar_years(p: Period) -> int | None:
    """Whole calendar years a period covers ("2023": 1, "2022–2023": 2), or None."""
    n = months(p)
    return n // 12 if n and n % 12 == 0 and p.start.month == 1 else None


def comparable_periods(a: Period, b: Period) -> bool:
    """Periods of the same kind (two years, two January-November spans, two days):
    the ones a figure can be mistaken between."""
    ma, mb = months(a), months(b)
    if ma is not None or mb is not None:
        return ma == mb and a.start.month == b.start.month
    return (a.end - a.start) == (b.end - b.start)


def previous_period(p: Period) -> Period:
    """The same span one year earlier (the period an "overtook" or a y/y change compares with)."""
    return shift_years(p, -1)


def shift_years(p: Period, years: int) -> Period:
    def move(d):
        last = calendar.monthrange(d.year + years, d.month)[1]
        end_of_month = d.day == calendar.monthrange(d.year, d.month)[1]
        return d.replace(year=d.year + years, day=last if end_of_month else min(d.day, last))

    start, end = move(p.start), move(p.end)
    if p.start.year == p.end.year:
        label = p.label.replace(str(p.start.year), str(start.year))
    elif str(p.start.year) in p.label and str(p.end.year) in p.label:
        label = p.label.replace(str(p.end.year), str(end.year)).replace(str(p.start.year), str(start.year), 1)
    else:
        label = f"{start}–{end}"
    return Period(start=start, end=end, label=label)


def change_periods(p: Period, basis: str | None = None) -> tuple[Period, Period]:
    """(the period the change ends in, the one it starts from). A span of
    several whole years ("between 2010 and 2020") runs from its first year to
    its last; a quarter or a month the text measures q/q or m/m against the
    one before; anything else is compared with the same span a year earlier
    (the y/y convention of trade and price statistics)."""
    n = months(p)
    if basis in ("quarter", "month") and n == (3 if basis == "quarter" else 1):
        return p, shift_months(p, -n)
    if n is not None and n > 12 and n % 12 == 0 and p.start.month == 1:
        first = Period(start=p.start, end=p.start.replace(month=12, day=31), label=str(p.start.year))
        last = Period(start=p.end.replace(month=1, day=1), end=p.end, label=str(p.end.year))
        return last, first
    return p, previous_period(p)


def shift_months(p: Period, n: int) -> Period:
    """The whole months `p` covers, moved by n months."""
    index = p.start.year * 12 + p.start.month - 1 + n
    start = dt.date(index // 12, index % 12 + 1, 1)
    last = index + (months(p) or 1) - 1
    end = dt.date(last // 12, last % 12 + 1, calendar.monthrange(last // 12, last % 12 + 1)[1])
    label = start.strftime("%B %Y") if start.month == end.month else f"{start.strftime('%B')}–{end.strftime('%B %Y')}"
    if (months(p) or 1) == 3 and start.month % 3 == 1:
        label = f"Q{(start.month - 1) // 3 + 1} {start.year}"
    if (start.month, end.month) == (1, 12) and start.year == end.year:
        label = str(start.year)
    return Period(start=start, end=end, label=label)
