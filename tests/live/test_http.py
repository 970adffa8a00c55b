"""The HTTP layer: retries, Retry-After, timeouts, cache, offline mode, one
request per distinct URL, concurrency bound. Every fault has a test."""

import asyncio
import time

import httpx
import pytest

from verifier.adapters.http import Http, _retry_after
from verifier.errors import SourceError

from .payloads import payload, query, source

WB_PAGE = payload("worldbank-v2-BUILT-CHN-NY.GDP.MKTP.CD-2022-2023.json")
GDP = query("worldbank", "gdp", {"place": "CHN"}, "2023-01-01", "2023-12-31")


def test_429_waits_as_long_as_retry_after_says(httpx_mock, fetch, sleeps):
    httpx_mock.add_response(status_code=429, headers={"Retry-After": "7"}, text="Rate limit is exceeded. Try again in 7 seconds.")
    httpx_mock.add_response(content=WB_PAGE)
    found = fetch(source("worldbank"), GDP)
    assert sleeps == [7.0]
    assert [e.value for e in found] == [17794781986104.457]


def test_5xx_is_retried_with_backoff(httpx_mock, fetch, sleeps):
    httpx_mock.add_response(status_code=503)
    httpx_mock.add_response(status_code=502)
    httpx_mock.add_response(content=WB_PAGE)
    assert len(fetch(source("worldbank"), GDP)) == 1
    assert sleeps == [0.5, 1.0]


def test_5xx_that_persists_is_a_source_error(httpx_mock, fetch, sleeps):
    httpx_mock.add_response(status_code=500, text="Internal error", is_reusable=True)
    with pytest.raises(SourceError, match=r"^worldbank: HTTP 500 after 3 attempts \(https://api\.worldbank\.org/.*\): Internal error$"):
        fetch(source("worldbank", retries=2), GDP)
    assert len(httpx_mock.get_requests()) == 3 and sleeps == [0.5, 1.0]


def test_a_long_retry_after_is_not_waited_for(httpx_mock, fetch, sleeps):
    httpx_mock.add_response(status_code=429, headers={"Retry-After": "3600"})
    with pytest.raises(SourceError, match=r"HTTP 429: the source asks to wait 3600 s"):
        fetch(source("worldbank"), GDP)
    assert sleeps == []


def test_timeout_is_retried_then_a_source_error(httpx_mock, fetch, sleeps):
    httpx_mock.add_exception(httpx.ReadTimeout("timed out"), is_reusable=True)
    with pytest.raises(SourceError, match=r"^worldbank: no answer within 5 s \(https://api\.worldbank\.org/"):
        fetch(source("worldbank", timeout_s=5.0, retries=1), GDP)
    assert len(httpx_mock.get_requests()) == 2


def test_other_client_errors_are_not_retried(httpx_mock, fetch, sleeps):
    httpx_mock.add_response(status_code=404, text="Not found")
    with pytest.raises(SourceError, match=r"HTTP 404 .*: Not found$"):
        fetch(source("worldbank"), GDP)
    assert sleeps == []


def test_retry_after_as_an_http_date():
    assert _retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past: go now
    assert _retry_after("2.5") == 2.5 and _retry_after("soon") is None and _retry_after(None) is None


def test_a_second_run_is_served_from_the_cache(httpx_mock, make_http):
    httpx_mock.add_response(content=WB_PAGE)  # once: a second request would find no response
    src = source("worldbank")

    async def run():
        async with make_http() as http:
            from verifier.adapters import build

            evidence = await build(src, http=http).fetch(GDP)
            return evidence, http.requests, http.hits

    first, sent, _ = asyncio.run(run())
    second, sent_again, hits = asyncio.run(run())
    assert (sent, sent_again, hits) == (1, 0, 1)
    assert second == first  # same values and the same retrieval time: the cached answer's


def test_an_expired_entry_is_fetched_again(httpx_mock, fetch):
    httpx_mock.add_response(content=WB_PAGE, is_reusable=True)
    src = source("worldbank", cache_ttl_s=0.0)
    fetch(src, GDP)
    time.sleep(0.01)
    fetch(src, GDP)
    assert len(httpx_mock.get_requests()) == 2


def test_offline_answers_from_the_cache_only(httpx_mock, fetch):
    src = source("worldbank")
    with pytest.raises(SourceError, match=r"^worldbank: offline, and this request is not in the cache \(https://api\.worldbank\.org/"):
        fetch(src, GDP, offline=True)
    httpx_mock.add_response(content=WB_PAGE)
    online = fetch(src, GDP)
    assert fetch(src, GDP, offline=True) == online
    assert len(httpx_mock.get_requests()) == 1


def test_identical_requests_of_a_run_go_out_once(httpx_mock, make_http):
    httpx_mock.add_response(content=WB_PAGE)
    src = source("worldbank")

    async def run():
        async with make_http(cache=False) as http:
            from verifier.adapters import build

            adapter = build(src, http=http)
            return await asyncio.gather(adapter.fetch(GDP), adapter.fetch(GDP), adapter.fetch(GDP))

    a, b, c = asyncio.run(run())
    assert a == b == c and len(httpx_mock.get_requests()) == 1


class _Slow(httpx.AsyncBaseTransport):
    """Counts requests in flight; answers each after `delay` seconds."""

    def __init__(self, delay: float):
        self.delay, self.now, self.most = delay, 0, 0

    async def handle_async_request(self, request):
        self.now += 1
        self.most = max(self.most, self.now)
        await asyncio.sleep(self.delay)
        self.now -= 1
        return httpx.Response(200, content=WB_PAGE)


def _many(src, transport, n):
    async def run():
        async with Http(cache=None, transport=transport, environ={}) as http:
            from verifier.adapters import build

            adapter = build(src, http=http)
            places = [f"C{i:02d}" for i in range(n)]
            await asyncio.gather(*(adapter.fetch(query("worldbank", "gdp", {"place": p}, "2023-01-01", "2023-12-31")) for p in places))

    asyncio.run(run())


def test_requests_to_one_source_are_bounded():
    slow = _Slow(0.02)
    _many(source("worldbank", concurrency=2, rate_limit=None), slow, 6)
    assert slow.most == 2


def test_rate_limit_spaces_requests():
    from verifier.sources import RateLimit

    clock = time.perf_counter()
    _many(source("worldbank", rate_limit=RateLimit(requests=2, per_seconds=0.2)), _Slow(0), 4)
    # Two may go at once, the other two wait for the bucket to drain (0.1 s each).
    assert time.perf_counter() - clock >= 0.15
