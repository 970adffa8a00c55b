"""IMF SDMX 3.0 API: International Trade in Goods (IMTS), bilateral, by reporter.

The series key is `{COUNTRY}.{INDICATOR}.{COUNTERPART_COUNTRY}.{FREQUENCY}`
(`CHN.XG_FOB_USD.RUS.M`); countries are ISO alpha-3, the world is G001.
A series names the dataflow (IMTS) and lists the indicators it sums (exports FOB + imports CIF for total
trade), asked for in one request.

Scale trap: the retired dataservices API gave 369756.760426 with UNIT_MULT=6;
this API gives 369756760426 with SCALE="6" for the same figure. OBS_VALUE is
already in units here, so SCALE is never applied.
"""

from __future__ import annotations

from defusedxml import ElementTree

from ..models import Evidence, Query
from .live import LiveAdapter, inside, number, period_of, scaled

FREQUENCIES = {"annual": "A", "monthly": "M", "daily": "M", None: "A"}
#: IMF group codes that stand for a place a claim can name.
GROUPS = {"G001": "WLD"}


class ImfAdapter(LiveAdapter):
    async def fetch(self, query: Query) -> list[Evidence]:
        sd = self.series(query)
        indicators = sd.flows
        reporter = query.places.get("reporter") or "*"
        partner = query.places.get("partner")
        counterpart = {"WLD": "G001"}.get(partner, partner) if partner else "*"
        key = f"{reporter}.{'+'.join(indicators)}.{counterpart}.{FREQUENCIES[query.frequency]}"
        # Written out: the API wants the literal "+" between the two bounds.
        window = f"ge:{query.period.start.isoformat()}+le:{query.period.end.isoformat()}"
        url = (
            f"{self.base}/data/dataflow/IMF.STA/{sd.code}/+/{key}"
            f"?c%5BTIME_PERIOD%5D={window}&dimensionAtObservation=TIME_PERIOD&detail=full&includeHistory=false"
        )
        fetched = await self.get(url, headers={"Accept": "application/xml"}, allow=(404,))
        if fetched.status == 404:
            return []  # SDMX says "no results" with a 404
        unit = self.unit(query, sd)
        sums: dict[tuple[str, str, str], dict[str, float]] = {}
        async with self.reading(fetched):
            root = ElementTree.fromstring(fetched.content)
            for series in root.iter():
                if _local(series.tag) != "Series":
                    continue
                place, other, indicator = series.attrib["COUNTRY"], series.attrib["COUNTERPART_COUNTRY"], series.attrib["INDICATOR"]
                for obs in series:
                    if _local(obs.tag) != "Obs":
                        continue
                    value = number(obs.attrib.get("OBS_VALUE"))
                    if value is not None:
                        sums.setdefault((place, other, obs.attrib["TIME_PERIOD"]), {})[indicator] = value
            found = []
            for (place, other, code), by_indicator in sums.items():
                other = GROUPS.get(other, other)
                if set(indicators) - set(by_indicator) or other.startswith("G"):
                    continue  # an indicator missing, or a country group no claim names
                period = period_of(code)
                if inside(period, query.period):
                    found.append(
                        self.evidence(
                            query, fetched, place=place, partner=other, period=period, unit=unit,
                            value=scaled(sum(by_indicator.values()), sd.scale),
                            note=" + ".join(indicators) if len(indicators) > 1 else None,
                        )
                    )
        return found


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]
