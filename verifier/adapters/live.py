"""What every live (HTTP) adapter shares: which series a query asks for, time
codes as periods, numbers as the APIs write them, and Evidence carrying the
query URL, retrieval time and vintage, so that a verdict can be reproduced.

Each adapter module holds one class with one public method, `fetch(query)`;
everything an API does differently stays in its module.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import math
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from decimal import Decimal

from .. import catalog
from ..errors import ConfigError, SourceError
from ..models import Evidence, Period, Query
from ..sources import SeriesDef, SourceDef
from .http import Fetched, Http
from .snapshot import _label


class LiveAdapter:
    def __init__(self, source: SourceDef, *, http: Http | None = None, **_options: object):
        if http is None:
            raise ConfigError(f"{source.path or source.id}: the {source.adapter} adapter needs an HTTP client")
        if not source.base_url:
            raise ConfigError(f"{source.path or source.id}: base_url: a live source needs one")
        self.source, self.http = source, http
        self.base = source.base_url.rstrip("/")

    def series(self, query: Query) -> SeriesDef:
        sd = self.source.series_def(query.series)
        if sd is None:
            raise SourceError(self.source.id, f"does not serve {query.series}")
        return sd

    def unit(self, query: Query, sd: SeriesDef, code: str = "") -> str:
        """The evidence unit; "{code}" in a series' unit is the place ("CNY / USD")."""
        if sd.unit is not None:
            return sd.unit.replace("{code}", code)
        indicator = catalog.indicators().get(query.series)
        return indicator.unit if indicator else ""

    async def get(self, url: str, **options) -> Fetched:
        return await self.http.get(self.source, url, **options)

    @asynccontextmanager
    async def reading(self, fetched: Fetched) -> AsyncIterator[None]:
        """Turn a payload that is not shaped as documented (a renamed field, a
        list where an object was) into a SourceError naming the request; an
        answer that fails here is dropped from the cache."""
        try:
            yield
        except SourceError:
            await self.http.forget(fetched)
            raise
        # SyntaxError: what XML parse errors derive from; csv.Error: a broken CSV.
        except (KeyError, IndexError, TypeError, ValueError, AttributeError, SyntaxError, csv.Error) as e:
            what = f"missing {e}" if isinstance(e, KeyError) else str(e) or type(e).__name__
            await self.http.forget(fetched)
            raise SourceError(self.source.id, f"unexpected answer ({what}) from {fetched.url}") from None

    def evidence(
        self,
        query: Query,
        fetched: Fetched,
        *,
        place: str,
        period: Period,
        value: float,
        unit: str,
        partner: str | None = None,
        vintage: str | None = None,
        note: str | None = None,
        url: str | None = None,
    ) -> Evidence:
        return Evidence(
            source=self.source.id,
            series=query.series,
            place=place,
            partner=partner,
            period=period,
            value=value,
            unit=unit,
            url=self.http.redact(url or fetched.url),
            retrieved=fetched.retrieved,
            vintage=vintage,
            publisher=self.source.publisher,
            license=self.source.license,
            note=note,
        )


_TIME = re.compile(r"^(\d{4})(?:-?(?:M?(\d{2})|Q([1-4])|S([12]))(?:-(\d{2}))?)?$")


def period_of(code: str) -> Period:
    """A period from a time code as APIs write them: 2023, 2023-01, 202301,
    2023-M01, 2023M01, 2023-Q4, 2023-S1, 2023-01-15."""
    m = _TIME.match(code.strip())
    if not m:
        raise ValueError(f"unknown time code {code!r}")
    year, month, quarter, half, day = m.groups()
    y = int(year)
    if day:
        start = end = dt.date(y, int(month), int(day))
    elif month:
        start = dt.date(y, int(month), 1)
        end = dt.date(y, int(month), calendar.monthrange(y, int(month))[1])
    elif quarter or half:
        months = 3 if quarter else 6
        first = (int(quarter or half) - 1) * months + 1
        last = first + months - 1
        start, end = dt.date(y, first, 1), dt.date(y, last, calendar.monthrange(y, last)[1])
    else:
        start, end = dt.date(y, 1, 1), dt.date(y, 12, 31)
    return Period(start=start, end=end, label=_label(start, end))


def number(raw: object) -> float | None:
    """A figure as APIs write it (a number, a string, "." or null for missing)."""
    if raw is None or isinstance(raw, bool):
        return None
    if isinstance(raw, (int, float)):
        value = float(raw)
    else:
        text = str(raw).strip()
        if text in ("", ".", "NA", "NaN", ":"):
            return None
        value = float(text)
    return value if math.isfinite(value) else None


def scaled(value: float, scale: float) -> float:
    # Decimal, so that 8000000003 kg is 8000000.003 t and not 8000000.0030000005.
    return value if scale == 1 else float(Decimal(repr(value)) * Decimal(repr(scale)))


def inside(period: Period, window: Period) -> bool:
    return window.start <= period.start and period.end <= window.end


def months(window: Period) -> list[str]:
    """Every month of `window` as YYYYMM."""
    out, y, m = [], window.start.year, window.start.month
    while (y, m) <= (window.end.year, window.end.month):
        out.append(f"{y}{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out
