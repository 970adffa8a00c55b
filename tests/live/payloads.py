"""Recorded payloads and shorthands shared by the live-source tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from verifier.models import Period, Query
from verifier.sources import load_source, sources_dir

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "api"


def payload(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def source(source_id: str, **changes):
    """A source as shipped in sources/, with `changes` applied."""
    return load_source(sources_dir() / f"{source_id}.toml").model_copy(update=changes)


def query(source_id: str, series: str, places: dict, start: str, end: str, frequency: str | None = None) -> Query:
    s, e = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    return Query(source=source_id, series=series, places=places, period=Period(start=s, end=e, label=f"{start}–{end}"), frequency=frequency)
