"""Shared helpers for the live-source tests: recorded payloads, an Http whose
backoff sleeps are recorded instead of slept, and one call to run an adapter."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

import pytest

from verifier.adapters import build
from verifier.http import Http
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


@pytest.fixture(autouse=True)
def cache_in_tmp(tmp_path, monkeypatch):
    """No test writes to the user's cache."""
    monkeypatch.setenv("VERIFIER_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture
def sleeps() -> list[float]:
    return []


@pytest.fixture
def make_http(tmp_path, sleeps):
    def make(*, cache: bool = True, **options) -> Http:
        async def sleep(seconds: float) -> None:
            sleeps.append(seconds)

        options.setdefault("environ", {})
        return Http(cache=tmp_path / "cache" if cache else None, sleep=sleep, **options)

    return make


@pytest.fixture
def fetch(make_http):
    """fetch(source, query, **http_options) -> evidence, through a fresh Http."""

    def run(src, q, **options):
        async def go():
            async with make_http(**options) as http:
                return await build(src, http=http).fetch(q)

        return asyncio.run(go())

    return run
