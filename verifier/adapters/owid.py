"""Our World in Data grapher downloads: a chart's CSV and its metadata JSON.

The CSV is `Entity,Code,Year,<value columns>`; Code is ISO alpha-3, an
OWID_ code for aggregates (OWID_WRL, the world) or empty for regions. The
metadata gives the column's last update (the vintage) and the citation of
the underlying publisher, which goes into each figure's note.
"""

from __future__ import annotations

import csv
import io

from ..models import Evidence, Query
from .live import LiveAdapter, inside, number, period_of, scaled

GRAPHER = {"v": "1", "csvType": "full", "useColumnShortNames": "false"}
CODES = {"OWID_WRL": "WLD"}


class OwidAdapter(LiveAdapter):
    async def fetch(self, query: Query) -> list[Evidence]:
        sd = self.series(query)
        place = query.places.get("place")
        chart = f"{self.base}/grapher/{sd.code}"
        data = await self.get(f"{chart}.csv", params=GRAPHER)
        meta = await self.get(f"{chart}.metadata.json", params=GRAPHER)
        async with self.reading(meta):
            info = meta.json()
            columns = info["columns"]
            column_meta = next((v for k, v in columns.items() if sd.measure and k.startswith(sd.measure)), None) or next(iter(columns.values()))
            vintage, citation = column_meta.get("lastUpdated"), info["chart"].get("citation")
        unit = self.unit(query, sd)
        found = []
        async with self.reading(data):
            rows = csv.DictReader(io.StringIO(data.text))
            header = rows.fieldnames or []
            if header[:3] != ["Entity", "Code", "Year"] or len(header) < 4:
                raise ValueError(f"header {header[:4]}")
            measure = sd.measure or header[3]
            if measure not in header:
                raise KeyError(measure)
            for row in rows:
                code = CODES.get(row["Code"], row["Code"])
                if not code or code.startswith("OWID_") or (place and code != place):
                    continue
                value = number(row[measure])
                if value is None:
                    continue
                period = period_of(row["Year"])
                if inside(period, query.period):
                    found.append(
                        self.evidence(query, data, place=code, period=period, value=scaled(value, sd.scale), unit=unit,
                                      vintage=vintage, note=f"OWID, from {citation}" if citation else None)
                    )
        return found
