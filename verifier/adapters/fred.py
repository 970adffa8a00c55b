"""FRED (St. Louis Fed) series observations. Needs FRED_API_KEY.

One FRED series per place where the source has one per currency (DEXCHUS
for the yuan), else one series. FRED aggregates to the claim's frequency
itself (`frequency=a|m`, averages), so an annual claim is checked against
the annual average FRED publishes, never against one day.
Quirks: values are strings and "." means missing; an observation's `date`
is the first day of its period.
"""

from __future__ import annotations

import datetime as dt

from ..errors import SourceError
from ..models import Evidence, Period, Query
from .live import LiveAdapter, inside, number, period_of, scaled

FREQUENCIES = {"annual": "a", "monthly": "m"}


class FredAdapter(LiveAdapter):
    async def fetch(self, query: Query) -> list[Evidence]:
        sd = self.series(query)
        place = next((code for code in query.places.values() if code), "")
        code = sd.codes.get(place) if sd.codes else sd.code
        if not code:
            return []  # FRED has no series for this place
        params = {
            "series_id": code,
            "file_type": "json",
            "observation_start": query.period.start.isoformat(),
            "observation_end": query.period.end.isoformat(),
            **sd.params,
        }
        frequency = FREQUENCIES.get(query.frequency or "")
        if frequency:
            params |= {"frequency": frequency, "aggregation_method": "avg"}
        fetched = await self.get(f"{self.base}/fred/series/observations", params=params)
        unit = self.unit(query, sd, place)
        found = []
        async with self.reading(fetched):
            body = fetched.json()
            if "error_message" in body:
                raise SourceError(self.source.id, f"FRED error: {body['error_message']}")
            vintage = body.get("realtime_end")
            for obs in body["observations"]:
                value = number(obs["value"])
                if value is None:
                    continue
                period = _period(obs["date"], frequency)
                if inside(period, query.period):
                    found.append(
                        self.evidence(query, fetched, place=place, period=period, value=scaled(value, sd.scale), unit=unit,
                                      vintage=vintage, note=f"FRED {code}")
                    )
        return found


def _period(date: str, frequency: str | None) -> Period:
    day = dt.date.fromisoformat(date)
    if frequency == "a":
        return period_of(f"{day.year}")
    if frequency == "m":
        return period_of(f"{day.year}-{day.month:02d}")
    return period_of(date)
