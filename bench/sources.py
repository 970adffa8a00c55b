"""Live sources under latency: concurrency, per-run dedup and the HTTP cache.

A draft of 20 claims (GDP, population, Brent and WTI prices, exports and
imports) is checked against four live sources (World Bank, Eurostat, EIA,
IMF) over a mocked network that holds every response for `--latency`
seconds (default 0.2) and answers in each API's documented shape. The
sources are the shipped definitions (their concurrency bounds and rate
limits), with test keys for the keyed ones.

Prints: the requests made, the wall time of the cold run beside the serial
sum (requests x latency) and the ratio to one response time; then a second
run on the warm cache, its request count and time. Module loading is kept
out of the timings by a first run on a throwaway cache; the measured cold
run starts from an empty cache directory (its SQLite files created then). Run from the repository
root: `python bench/sources.py [--latency 0.2] [--json]`. Always exits 0.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from pathlib import Path

import httpx

from verifier.adapters.http import Http
from verifier.extract import extract
from verifier.flow.verify import check_async
from verifier.read.documents import load
from verifier.sources import load_sources

SOURCES = ("worldbank", "eurostat", "eia", "imf")
DRAFT = """date 2024-03-01

China's GDP was 17.79 trillion dollars in 2023.
The GDP of the United States reached 27.36 trillion dollars in 2023.
Japan's GDP was 4.21 trillion dollars in 2023.
India's GDP was 3.55 trillion dollars in 2023.
Germany had a population of 84.5 million in 2023.
France had a population of 68.2 million in 2023.
Italy had a population of 58.8 million in 2023.
Spain had a population of 48.4 million in 2023.
Brent crude averaged 42.3 dollars a barrel in 2020.
Brent crude averaged 70.9 dollars a barrel in 2021.
Brent crude averaged 100.9 dollars a barrel in 2022.
Brent crude averaged 82.5 dollars a barrel in 2023.
WTI averaged 39.2 dollars a barrel in 2020.
WTI averaged 68.2 dollars a barrel in 2021.
WTI averaged 94.9 dollars a barrel in 2022.
WTI averaged 77.6 dollars a barrel in 2023.
China's exports reached 3.38 trillion dollars in 2023.
China's imports reached 2.56 trillion dollars in 2023.
Germany's exports reached 1.69 trillion dollars in 2023.
Japan's exports reached 717 billion dollars in 2023.
"""


class Delayed(httpx.AsyncBaseTransport):
    """The network, mocked: each answer after `latency` seconds, shaped as the API's."""

    def __init__(self, latency: float):
        self.latency = latency
        self.sent = 0
        self.in_flight = self.most_in_flight = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.sent += 1
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            await asyncio.sleep(self.latency)
        finally:
            self.in_flight -= 1
        host, params = request.url.host, request.url.params
        if host == "api.worldbank.org":
            country = request.url.path.split("/")[3]
            first, last = (int(y) for y in params["date"].split(":"))
            rows = [{"indicator": {"id": "X", "value": "X"}, "country": {"id": country[:2], "value": country}, "countryiso3code": country,
                     "date": str(y), "value": 1.0e12, "unit": "", "obs_status": "", "decimal": 0} for y in range(last, first - 1, -1)]
            return httpx.Response(200, json=[{"page": 1, "pages": 1, "per_page": 1000, "total": len(rows), "sourceid": "2", "lastupdated": "2026-07-13"}, rows])
        if host == "ec.europa.eu":
            times, geo = params.get_list("time"), params.get("geo", "DE")
            return httpx.Response(200, json={
                "version": "2.0", "class": "dataset", "label": "bench", "source": "ESTAT", "updated": "2026-07-21T11:00:00+0200",
                "id": ["freq", "geo", "time"], "size": [1, 1, len(times)], "value": {str(i): 1.0e6 for i in range(len(times))},
                "dimension": {"freq": {"category": {"index": {"A": 0}}}, "geo": {"category": {"index": {geo: 0}}},
                              "time": {"category": {"index": {t: i for i, t in enumerate(times)}}}},
            })
        if host == "api.eia.gov":
            years = range(int(params["start"]), int(params["end"]) + 1)
            rows = [{"period": str(y), "series": params["facets[series][]"], "value": "80.0", "units": "$/BBL"} for y in years]
            return httpx.Response(200, json={"response": {"total": str(len(rows)), "frequency": "annual", "data": rows}, "request": {}, "apiVersion": "2.1.13"})
        if host == "api.imf.org":
            country, indicator, counterpart, freq = request.url.path.rsplit("/", 1)[1].split(".")
            return httpx.Response(200, headers={"content-type": "application/xml"}, content=(
                '<?xml version="1.0"?><message:StructureSpecificData xmlns:message="http://www.sdmx.org/resources/sdmxml/schemas/v3_0/message">'
                f'<message:DataSet><Series COUNTRY="{country}" INDICATOR="{indicator}" COUNTERPART_COUNTRY="G001" FREQUENCY="{freq}" SCALE="6">'
                '<Obs OBS_VALUE="3380000000000" TIME_PERIOD="2022"/><Obs OBS_VALUE="3380000000000" TIME_PERIOD="2023"/></Series>'
                "</message:DataSet></message:StructureSpecificData>"
            ).encode())
        return httpx.Response(404)


async def run(documents, sources, cache: Path, latency: float) -> dict:
    network = Delayed(latency)
    async with Http(cache=cache, transport=network, environ={"EIA_API_KEY": "bench-key"}) as http:
        clock = time.perf_counter()
        report = await check_async(documents, sources=sources, http=http)
        took = time.perf_counter() - clock
    statuses = {s: getattr(report.stats, s) for s in ("supported", "contradicted", "unverifiable")}
    return {
        "seconds": round(took, 3), "requests": network.sent, "most_in_flight": network.most_in_flight,
        "cache_hits": http.hits, "claims": report.stats.claims, **statuses,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency", type=float, default=0.2, help="seconds added to every response (default 0.2)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        draft = Path(tmp) / "draft.txt"
        draft.write_text(DRAFT, encoding="utf-8")
        documents = [load(str(draft), lang="en")]
        extract(documents[0])  # load the extractor's tables once, outside the timings
        clock = time.perf_counter()
        extract(documents[0])
        extraction = time.perf_counter() - clock
        available = load_sources()
        sources = {sid: available[sid] for sid in SOURCES}
        # One run on a throwaway cache first, so that loading modules (sqlite, XML,
        # the adapters) is not counted; the measured cache starts empty.
        asyncio.run(run(documents, sources, Path(tmp) / "warm-up", 0.0))
        cold = asyncio.run(run(documents, sources, Path(tmp) / "cache", args.latency))
        warm = asyncio.run(run(documents, sources, Path(tmp) / "cache", args.latency))

    serial = cold["requests"] * args.latency
    figures = {
        "latency_s": args.latency,
        "sources": list(SOURCES),
        "bounds": {sid: sources[sid].concurrency for sid in SOURCES},
        "extraction_s": round(extraction, 3),
        "cold": cold,
        "serial_sum_s": round(serial, 3),
        "cold_over_one_response": round(cold["seconds"] / args.latency, 2),
        "warm": warm,
    }
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(f"draft: {cold['claims']} claims over {len(SOURCES)} sources ({', '.join(SOURCES)}); per-source bounds {figures['bounds']}")
    print(f"mocked network: +{args.latency * 1000:.0f} ms on every response; extraction alone {extraction * 1000:.0f} ms (warm)")
    print(
        f"cold run: {cold['requests']} requests in {cold['seconds'] * 1000:.0f} ms "
        f"(serial sum {serial * 1000:.0f} ms; {figures['cold_over_one_response']}x one response time, target < 2x)"
    )
    print(f"          verdicts: {cold['supported']} supported, {cold['contradicted']} contradicted, {cold['unverifiable']} unverifiable")
    print(f"warm run: {warm['requests']} requests ({warm['cache_hits']} answers from the cache) in {warm['seconds'] * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
