"""UN Comtrade: bilateral merchandise trade by HS code, annual or monthly.

With a key (`COMTRADE_API_KEY`, sent as a header) it asks `/data/v1/get`;
without one the public `/public/v1/preview`, which answers at most 500 rows.
Countries are Comtrade's M49-based codes, mapped from ISO alpha-3 through
the reference tables shipped in `sources/comtrade/` (USA is 842, India 699).
A series lists the flows it sums: total trade is imports plus exports as
the reporter records them. `netWgt` is in kilograms; a series reading it
scales to tonnes in its TOML.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from functools import cache
from pathlib import Path

from ..errors import ConfigError, SourceError
from ..models import Evidence, Query
from .live import LiveAdapter, inside, months, number, period_of, scaled

WORLD = 0
#: Rows per answer: the preview's hard limit, and a bound for keyed queries.
PREVIEW_MAX, KEYED_MAX = 500, 100_000
#: Periods per request, as the API accepts them in one comma list.
PERIODS_PER_REQUEST = 12


class ComtradeAdapter(LiveAdapter):
    def __init__(self, source, **options):
        super().__init__(source, **options)
        if source.data is None:
            raise ConfigError(f"{source.path or source.id}: data: the directory of the Comtrade reference tables is not set")
        self.codes = _codes(source.data)

    async def fetch(self, query: Query) -> list[Evidence]:
        sd = self.series(query)
        flows = sd.flows or ["M"]
        measure = sd.measure or "primaryValue"
        reporter = query.places.get("reporter")
        if reporter is None:
            raise SourceError(self.source.id, "a query needs the reporting country")
        partner = query.places.get("partner")
        monthly = query.frequency in ("monthly", "daily")
        keyed = self.http.key(self.source) is not None
        cap = KEYED_MAX if keyed else PREVIEW_MAX
        url = f"{self.base}/{'data/v1/get' if keyed else 'public/v1/preview'}/C/{'M' if monthly else 'A'}/HS"
        params = {
            "reporterCode": self._code(reporter, query),
            "cmdCode": sd.code,
            "flowCode": ",".join(flows),
            "customsCode": "C00",
            "motCode": "0",
            "partner2Code": "0",
            "maxRecords": cap,
            **sd.params,
        }
        if partner is not None:
            params["partnerCode"] = self._code(partner, query)
        periods = months(query.period) if monthly else [str(y) for y in range(query.period.start.year, query.period.end.year + 1)]
        unit = self.unit(query, sd)
        found: list[Evidence] = []
        for i in range(0, len(periods), PERIODS_PER_REQUEST):
            fetched = await self.get(url, params={**params, "period": ",".join(periods[i : i + PERIODS_PER_REQUEST])})
            async with self.reading(fetched):
                body = fetched.json()
                if body.get("error"):
                    raise SourceError(self.source.id, f"Comtrade error: {body['error']} ({fetched.url})")
                rows = body["data"]
                if len(rows) >= cap:
                    hint = "" if keyed else f"; set {self.source.api_key_env} for the full API"
                    raise SourceError(self.source.id, f"the answer stops at {cap} rows, so it may be incomplete{hint} ({fetched.url})")
                # One figure per reporter, partner and period: the sum of the series' flows.
                sums: dict[tuple[int, int, str], dict[str, float]] = {}
                for row in rows:
                    value = number(row[measure])
                    if value is None or row["flowCode"] not in flows:
                        continue
                    key = (int(row["reporterCode"]), int(row["partnerCode"]), str(row["period"]))
                    by_flow = sums.setdefault(key, {})
                    by_flow[row["flowCode"]] = by_flow.get(row["flowCode"], 0.0) + value
                for (rep, par, code), by_flow in sums.items():
                    if set(flows) - set(by_flow):
                        continue  # a flow is missing: the sum would understate the figure
                    period = period_of(code)
                    if not inside(period, query.period):
                        continue
                    place, other = self.codes.iso3.get(rep), self.codes.iso3.get(par)
                    if place is None or other is None:
                        continue  # areas with no ISO code ("Other Asia, nes") are not places a claim names
                    note = f"{' + '.join(flows)} ({measure})" if len(flows) > 1 else None
                    found.append(
                        self.evidence(
                            query, fetched, place=place, partner=other, period=period,
                            value=scaled(sum(by_flow.values()), sd.scale), unit=unit, note=note,
                        )
                    )
        return found

    def _code(self, iso3: str, query: Query) -> int:
        code = self.codes.code(iso3, query.period.start)
        if code is None:
            raise SourceError(self.source.id, f"no Comtrade code for {iso3}")
        return code


class _Codes:
    """ISO alpha-3 <-> Comtrade codes, each code valid over a range of dates."""

    def __init__(self, entries: list[tuple[str, int, dt.date, dt.date, bool]]):
        self.entries = entries
        self.iso3: dict[int, str] = {}
        for iso3, code, _, _, _ in entries:
            self.iso3.setdefault(code, iso3)
        self.iso3[WORLD] = "WLD"

    def code(self, iso3: str, day: dt.date) -> int | None:
        if iso3 == "WLD":
            return WORLD
        # Reporter codes first: a partner code that no one reports under (USA 840
        # beside 842) is not what the data uses.
        valid = [(not reporter, code) for i, code, start, end, reporter in self.entries if i == iso3 and start <= day <= end]
        return min(valid)[1] if valid else None


@cache
def _codes(directory: Path) -> _Codes:
    entries: list[tuple[str, int, dt.date, dt.date, bool]] = []
    try:
        reporters = json.loads((directory / "Reporters.json").read_text("utf-8"))["results"]
        with (directory / "partnerAreas.csv").open(encoding="utf-8", newline="") as f:
            partners = list(csv.DictReader(f))
        for row in reporters:
            if not row["isGroup"] and row["reporterCodeIsoAlpha3"]:
                entries.append((row["reporterCodeIsoAlpha3"], int(row["reporterCode"]), *_dates(row), True))
        for row in partners:
            if row["isGroup"] != "True" and row["PartnerCodeIsoAlpha3"]:
                entries.append((row["PartnerCodeIsoAlpha3"], int(row["PartnerCode"]), *_dates(row), False))
    except (OSError, ValueError, KeyError) as e:
        raise ConfigError(f"{directory}: cannot read the Comtrade reference tables: {e}") from None
    return _Codes(entries)


def _dates(row: dict) -> tuple[dt.date, dt.date]:
    start = dt.date.fromisoformat(row["entryEffectiveDate"][:10])
    end = row.get("entryExpiredDate") or ""
    return start, dt.date.fromisoformat(end[:10]) if end else dt.date.max
