"""Fixtures for the live-source tests: an Http whose backoff sleeps are
recorded instead of slept, a cache in a temporary directory, one call to run
an adapter."""

from __future__ import annotations

import asyncio

import pytest

from verifier.adapters import build
from verifier.adapters.http import Http


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
