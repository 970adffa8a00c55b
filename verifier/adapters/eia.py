"""EIA API v2 (U.S. Energy Information Administration). Needs EIA_API_KEY.

A series names a route (`petroleum/pri/spt`) and its facets; the frequency
asked for is the claim's. Answers come in pages of at most 5000 rows
(`total` is a string). Each row carries its own unit, mapped below; the
request, key included, is echoed back in the answer (the HTTP layer scrubs it).
"""

from __future__ import annotations

from ..errors import SourceError
from ..models import Evidence, Query
from .live import LiveAdapter, inside, number, period_of, scaled

PAGE = 5000
MAX_PAGES = 20
FREQUENCIES = {"annual": "annual", "monthly": "monthly", "daily": "daily", None: "annual"}
#: EIA unit codes -> (catalogue unit, scale to full magnitude).
UNITS = {
    "$/BBL": ("USD / barrel", 1.0),
    "TBPD": ("barrel / day", 1e3),
    "MBBL/D": ("barrel / day", 1e3),
    "thousand barrels": ("barrel", 1e3),
}


class EiaAdapter(LiveAdapter):
    async def fetch(self, query: Query) -> list[Evidence]:
        sd = self.series(query)
        measure = sd.measure or "value"
        frequency = FREQUENCIES[query.frequency]
        start, end = query.period.start, query.period.end
        bounds = {"annual": (f"{start.year}", f"{end.year}"), "monthly": (f"{start:%Y-%m}", f"{end:%Y-%m}")}
        first, last = bounds.get(frequency, (start.isoformat(), end.isoformat()))
        params: dict[str, object] = {
            "frequency": frequency,
            "data[0]": measure,
            "start": first,
            "end": last,
            "sort[0][column]": "period",
            "sort[0][direction]": "asc",
            "length": PAGE,
        }
        for facet, values in sd.params.items():
            params[f"facets[{facet}][]"] = values
        url = f"{self.base}/v2/{sd.code.strip('/')}/data/"
        found: list[Evidence] = []
        offset = 0
        for _ in range(MAX_PAGES):
            fetched = await self.get(url, params={**params, "offset": offset})
            async with self.reading(fetched):
                body = fetched.json()
                if "error" in body:
                    raise SourceError(self.source.id, f"EIA error: {body['error']}")
                response = body["response"]
                rows = response["data"]
                for row in rows:
                    value = number(row[measure])
                    if value is None:
                        continue
                    unit, scale = self._unit(query, sd, row)
                    period = period_of(row["period"])
                    if inside(period, query.period):
                        place = row.get("countryRegionId") or ""
                        found.append(self.evidence(query, fetched, place=place, period=period, value=scaled(value, scale), unit=unit))
                offset += len(rows)
                if not rows or offset >= int(response["total"]):
                    break
        return found

    def _unit(self, query: Query, sd, row: dict) -> tuple[str, float]:
        if sd.unit is not None:
            return self.unit(query, sd), sd.scale
        written = row.get("units") or row.get("unit") or row.get(f"{sd.measure or 'value'}-units")
        if written not in UNITS:
            raise SourceError(self.source.id, f"unknown EIA unit {written!r}")
        unit, scale = UNITS[written]
        return unit, scale * sd.scale
