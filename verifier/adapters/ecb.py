"""ECB Data Portal: euro reference exchange rates (EXR), as csvdata.

EXR quotes currency units per euro. The catalogue's rate is national
currency per US dollar, so the euro's is 1 / (USD per EUR) and any other
currency's is a cross rate through the euro, (X per EUR) / (USD per EUR),
both from the same request. The note on each figure says which it is.
"""

from __future__ import annotations

import csv
import io

from ..models import Evidence, Query
from .live import LiveAdapter, inside, number, period_of

FREQUENCIES = {"annual": "A", "monthly": "M", "daily": "D", None: "A"}


class EcbAdapter(LiveAdapter):
    async def fetch(self, query: Query) -> list[Evidence]:
        sd = self.series(query)
        currency = query.places.get("currency")
        if not currency or currency == "USD":
            return []
        wanted = ["USD"] if currency == "EUR" else ["USD", currency]
        freq = FREQUENCIES[query.frequency]
        url = f"{self.base}/service/data/{sd.code}/{freq}.{'+'.join(wanted)}.EUR.SP00.A"
        params = {"format": "csvdata", "startPeriod": query.period.start.isoformat(), "endPeriod": query.period.end.isoformat()}
        fetched = await self.get(url, params=params, allow=(404,))
        if fetched.status == 404:
            return []  # SDMX's "no results"
        per_eur: dict[str, dict[str, float]] = {}
        async with self.reading(fetched):
            for row in csv.DictReader(io.StringIO(fetched.text)):
                value = number(row["OBS_VALUE"])
                if value is not None and row["CURRENCY_DENOM"] == "EUR":
                    per_eur.setdefault(row["TIME_PERIOD"], {})[row["CURRENCY"]] = value
            found = []
            for code, rates in per_eur.items():
                usd, other = rates.get("USD"), rates.get(currency, 1.0 if currency == "EUR" else None)
                if not usd or other is None:
                    continue
                period = period_of(code)
                if not inside(period, query.period):
                    continue
                note = "1 / (USD per EUR)" if currency == "EUR" else f"cross rate through the euro: ({currency} per EUR) / (USD per EUR)"
                found.append(
                    self.evidence(query, fetched, place=currency, period=period, value=other / usd, unit=self.unit(query, sd, currency),
                                  note=f"ECB reference rates, {note}")
                )
        return found
