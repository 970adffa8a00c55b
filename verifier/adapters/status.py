"""What `verifier sources list` and `verifier sources check` report: for each
source, whether its key is needed and present and what its cache holds; and
the outcome of one cheap live request (the source's `probe`)."""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..errors import SourceError
from ..models import Period, Query
from ..sources import SourceDef
from . import build
from .http import Http, cache_file


@dataclass(frozen=True)
class Listing:
    id: str
    adapter: str
    enabled: bool
    key: str
    series: int
    cache: str


@dataclass(frozen=True)
class Probe:
    id: str
    outcome: str  # pass, fail, skip
    detail: str


def listing(sources: Mapping[str, SourceDef], cache: Path, environ: Mapping[str, str]) -> list[Listing]:
    return [Listing(s.id, s.adapter, s.enabled, _key(s, environ), len(s.indicators), _cache(s, cache)) for s in sources.values()]


def _key(source: SourceDef, environ: Mapping[str, str]) -> str:
    if not source.api_key_env:
        return "not needed"
    if environ.get(source.api_key_env):
        return f"present (${source.api_key_env})"
    return f"missing: set ${source.api_key_env}" if source.api_key_required else f"optional (${source.api_key_env} unset)"


def _cache(source: SourceDef, cache: Path) -> str:
    if not source.live:
        return "offline data"
    path = cache_file(cache, source.id)
    if not path.exists():
        return "empty"
    stat = path.stat()
    when = dt.datetime.fromtimestamp(stat.st_mtime, dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return f"{stat.st_size / 1024:.0f} KB, written {when}"


async def probe(sources: Mapping[str, SourceDef], *, offline: bool = False, http: Http | None = None) -> list[Probe]:
    """One live request per source, all at once, bypassing the cache."""
    own = http is None
    http = http or Http(cache=None, offline=offline)
    try:
        return list(await asyncio.gather(*(_probe(s, http, offline) for s in sources.values())))
    finally:
        if own:
            await http.aclose()


async def _probe(source: SourceDef, http: Http, offline: bool) -> Probe:
    if not source.live:
        return Probe(source.id, "pass", "offline data shipped with verifier; nothing to request")
    if offline:
        return Probe(source.id, "skip", "offline: no request made")
    if source.probe is None:
        return Probe(source.id, "skip", "no probe configured in its TOML")
    p = source.probe
    period = Period(start=dt.date(p.year, 1, 1), end=dt.date(p.year, 12, 31), label=str(p.year))
    query = Query(source=source.id, series=p.series, places=dict(p.places), period=period, frequency="annual")
    clock = time.perf_counter()
    try:
        evidence = await build(source, http=http).fetch(query)
    except SourceError as e:
        return Probe(source.id, "fail", str(e).removeprefix(f"{source.id}: "))
    took = time.perf_counter() - clock
    if not evidence:
        return Probe(source.id, "fail", f"answered in {took:.2f} s but gave no figure for {p.series} {p.year}")
    e = evidence[0]
    return Probe(source.id, "pass", f"{len(evidence)} figure(s) for {p.series} {p.year} in {took:.2f} s ({e.url})")
