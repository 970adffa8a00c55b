"""World Bank Indicators API v2: `[meta, rows]` pages of yearly values.

Quirks handled: errors come with HTTP 200 as `[{"message": [...]}]`; a page
with no data is `[meta, null]`; `value` may be null; `lastupdated` in the
page envelope is the dataset's vintage.
"""

from __future__ import annotations

from ..errors import SourceError
from ..models import Evidence, Query
from .live import LiveAdapter, inside, number, period_of, scaled

PER_PAGE = 1000
#: A bound on pagination, so that a drifted envelope cannot loop for ever.
MAX_PAGES = 50


class WorldBankAdapter(LiveAdapter):
    async def fetch(self, query: Query) -> list[Evidence]:
        sd = self.series(query)
        unit = self.unit(query, sd)
        country = query.places.get("place") or "all"
        url = f"{self.base}/country/{country}/indicator/{sd.code}"
        params = {"format": "json", "date": f"{query.period.start.year}:{query.period.end.year}", "per_page": PER_PAGE, **sd.params}
        found: list[Evidence] = []
        page, pages = 1, 1
        while page <= pages:
            fetched = await self.get(url, params={**params, "page": page})
            async with self.reading(fetched):
                payload = fetched.json()
                _raise_for_message(self.source.id, payload, fetched.url)
                meta, rows = payload[0], payload[1] or []
                pages = min(int(meta["pages"]), MAX_PAGES)
                vintage = meta.get("lastupdated")
                for row in rows:
                    value = number(row["value"])
                    code = row["countryiso3code"] or None
                    if value is None or code is None:
                        continue
                    period = period_of(row["date"])
                    if not inside(period, query.period):
                        continue
                    found.append(
                        self.evidence(query, fetched, place=code, period=period, value=scaled(value, sd.scale), unit=unit, vintage=vintage)
                    )
            page += 1
        return found


def _raise_for_message(source: str, payload: object, url: str) -> None:
    """The API's own error envelope (HTTP 200): `[{"message": [{"id", "key", "value"}]}]`."""
    if isinstance(payload, list) and len(payload) == 1 and isinstance(payload[0], dict) and "message" in payload[0]:
        messages = payload[0]["message"] or [{}]
        first = messages[0]
        text = ": ".join(str(first.get(k)) for k in ("key", "value") if first.get(k))
        raise SourceError(source, f"World Bank error {first.get('id', '?')}: {text or 'no detail'} ({url})")
    if not (isinstance(payload, list) and len(payload) == 2 and isinstance(payload[0], dict)):
        raise ValueError("not a [meta, rows] page")
