"""Eurostat statistics API, JSON-stat 2.0.

A series names a dataset and the filters that leave one value per country
and year (`na_item=B1GQ`, `unit=CP_MEUR`); units are a dimension, so the
filter fixes the unit and the series' TOML says what it is. `value` is
sparse, keyed by the row-major index over `id`/`size`. Countries are ISO
alpha-2 except Greece (EL) and the United Kingdom (UK).
"""

from __future__ import annotations

import pycountry

from ..errors import SourceError
from ..models import Evidence, Query
from .live import LiveAdapter, inside, number, period_of, scaled

#: Eurostat geo codes that are not ISO alpha-2, both ways.
GEO = {"GRC": "EL", "GBR": "UK", "EUU": "EU27_2020", "EMU": "EA20"}
ISO3 = {v: k for k, v in GEO.items()}


class EurostatAdapter(LiveAdapter):
    async def fetch(self, query: Query) -> list[Evidence]:
        sd = self.series(query)
        place = query.places.get("place")
        params: dict[str, object] = {"format": "JSON", "lang": "EN", **sd.params}
        params["time"] = [str(y) for y in range(query.period.start.year, query.period.end.year + 1)]
        if place:
            geo = _geo(place)
            if geo is None:
                return []
            params["geo"] = geo
        fetched = await self.get(f"{self.base}/statistics/1.0/data/{sd.code}", params=params)
        unit = self.unit(query, sd)
        found = []
        async with self.reading(fetched):
            body = fetched.json()
            if "error" in body:
                raise SourceError(self.source.id, f"Eurostat error: {body['error']}")
            for coords, raw in _cells(body):
                value = number(raw)
                code = ISO3.get(coords["geo"]) or _iso3(coords["geo"])
                if value is None or code is None:
                    continue
                period = period_of(coords["time"])
                if inside(period, query.period):
                    found.append(
                        self.evidence(query, fetched, place=code, period=period, value=scaled(value, sd.scale), unit=unit,
                                      vintage=body.get("updated"), note=f"Eurostat {sd.code}")
                    )
        return found


def _cells(body: dict):
    """(coordinates by dimension, value) for each value present."""
    ids, sizes = body["id"], body["size"]
    if len(ids) != len(sizes) or "geo" not in ids or "time" not in ids:
        raise ValueError("id/size do not describe geo and time")
    for dim, size in zip(ids, sizes):
        if dim not in ("geo", "time") and size != 1:
            raise ValueError(f"{size} values for {dim}: the series needs a filter")
    codes = []
    for dim in ids:
        index = body["dimension"][dim]["category"]["index"]
        # JSON-stat allows the index as a list of codes or as {code: position}.
        by_position = index if isinstance(index, list) else sorted(index, key=index.get)
        codes.append(by_position)
    values = body["value"]
    items = values.items() if isinstance(values, dict) else enumerate(values)
    for flat, raw in items:
        flat = int(flat)
        coords = {}
        for dim, size, names in zip(reversed(ids), reversed(sizes), reversed(codes)):
            coords[dim] = names[flat % size]
            flat //= size
        yield coords, raw


def _geo(iso3: str) -> str | None:
    if iso3 in GEO:
        return GEO[iso3]
    country = pycountry.countries.get(alpha_3=iso3)
    return country.alpha_2 if country else None


def _iso3(geo: str) -> str | None:
    country = pycountry.countries.get(alpha_2=geo) if len(geo) == 2 else None
    return country.alpha_3 if country else None
