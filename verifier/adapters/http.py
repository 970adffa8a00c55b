"""HTTP for the live adapters: one client per run, polite to each source,
cached on disk, and never leaking an API key.

The layers a request goes through, outermost first:

    Http.get      the run's memo (an identical request goes out once), then
                  retries with backoff on 429, 5xx and network failures,
                  honouring Retry-After (tenacity)
    cache         hishel's on-disk SQLite cache, one file and TTL per source
    _Gate         the source's concurrency bound and rate limit (aiolimiter);
                  adds the API key; scrubs it from whatever comes back
    network       httpx; in offline mode a refusal instead

The key is added below the cache, so the cache file, the URL an adapter sees,
Evidence.url, logs and reports only ever hold the keyless URL; a cache hit
never waits for the rate limit.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import email.utils
import hashlib
import json
import logging
import os
import re
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from aiolimiter import AsyncLimiter
from hishel import AsyncSqliteStorage
from hishel.httpx import AsyncCacheTransport
from tenacity import AsyncRetrying, retry_if_exception_type, stop_after_attempt

from .. import __version__
from ..errors import SourceError
from ..sources import SourceDef

log = logging.getLogger(__name__)

CACHE_ENV = "VERIFIER_CACHE_DIR"
USER_AGENT = f"verifier/{__version__} (news fact-checking tool)"
#: Retry-After longer than this is not waited for: the claim becomes unverifiable now.
MAX_WAIT_S = 60.0
_RETRIEVED_HEADER = "x-verifier-retrieved"
_SOURCE = "verifier.source"
# Query parameters that carry secrets in the APIs used here (and common others).
_SECRET_PARAMS = re.compile(r"(?i)\b(api_key|apikey|subscription-key|access_key|token|key)=([^&\s\"']+)")
REDACTED = "REDACTED"


def cache_dir() -> Path:
    """Where responses are cached: $VERIFIER_CACHE_DIR, else the user's cache directory."""
    if env := os.environ.get(CACHE_ENV):
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "verifier"


def cache_file(directory: Path, source_id: str) -> Path:
    return directory / f"{source_id}.sqlite"


def redact(text: str, secrets: tuple[str, ...] = ()) -> str:
    """`text` with every secret value and every key-like query parameter blanked."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, REDACTED)
    return _SECRET_PARAMS.sub(lambda m: f"{m.group(1)}={REDACTED}", text)


@dataclass(frozen=True)
class Fetched:
    """One answer, as an adapter needs it. `url` is the full request URL
    without any key; `retrieved` is when it came over the network (earlier
    than now when it comes from the cache)."""

    source: str
    url: str
    status: int
    content: bytes
    content_type: str
    retrieved: dt.datetime
    from_cache: bool
    cache_key: str = ""

    @property
    def text(self) -> str:
        return self.content.decode("utf-8-sig", errors="replace")

    def json(self) -> Any:
        try:
            return json.loads(self.content)
        except ValueError:
            raise SourceError(self.source, f"the answer is not JSON ({self.url}): {self.text[:80]!r}") from None


class _Transient(Exception):
    """A status worth retrying (429, 5xx)."""

    def __init__(self, status: int, retry_after: float | None, excerpt: str):
        super().__init__(f"HTTP {status}")
        self.status, self.retry_after, self.excerpt = status, retry_after, excerpt


class _Offline(Exception):
    pass


class _NoKey(Exception):
    pass


class _Gate(httpx.AsyncBaseTransport):
    """Below the cache: only requests that really go out pass here."""

    def __init__(self, source: SourceDef, network: httpx.AsyncBaseTransport, key: str | None, counter: Callable[[], None]):
        self.source, self.network, self.key, self.counter = source, network, key, counter
        self.semaphore = asyncio.Semaphore(source.concurrency)
        limit = source.rate_limit
        self.limiter = AsyncLimiter(limit.requests, limit.per_seconds) if limit else None

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        async with self.semaphore:
            if self.limiter is not None:
                await self.limiter.acquire()
            self.counter()
            response = await self.network.handle_async_request(self._with_key(request))
            try:
                body = await response.aread()
            finally:
                await response.aclose()
        if self.key:
            # EIA echoes the request, key included, in its JSON: never store or pass it on.
            body = body.replace(self.key.encode(), REDACTED.encode())
        headers = [(k, v) for k, v in response.headers.multi_items() if k.lower() not in ("content-encoding", "content-length", "transfer-encoding")]
        headers.append((_RETRIEVED_HEADER, dt.datetime.now(dt.UTC).isoformat(timespec="seconds")))
        return httpx.Response(response.status_code, headers=headers, content=body, request=request, extensions=response.extensions)

    def _with_key(self, request: httpx.Request) -> httpx.Request:
        source = self.source
        if not self.key:
            if source.api_key_required:
                raise _NoKey()
            return request
        # A new request, so that the one the cache stores keeps the keyless URL.
        url, headers = request.url, request.headers.copy()
        if source.api_key_param:
            url = url.copy_merge_params({source.api_key_param: self.key})
        if source.api_key_header:
            headers[source.api_key_header] = self.key
        return httpx.Request(request.method, url, headers=headers, stream=request.stream, extensions=request.extensions)

    async def aclose(self) -> None:
        # The network transport is shared by every source's gate; Http closes it once.
        pass


class _Router(httpx.AsyncBaseTransport):
    def __init__(self, http: Http):
        self.http = http

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self.http._transport_for(request.extensions[_SOURCE]).handle_async_request(request)


class _Refuse(httpx.AsyncBaseTransport):
    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        raise _Offline()


class Http:
    """The HTTP client of one run, shared by every live adapter.

    `transport` replaces the network (tests, benchmarks); `cache` None turns
    the cache off; `offline` answers from the cache only."""

    def __init__(
        self,
        *,
        cache: Path | None = None,
        offline: bool = False,
        transport: httpx.AsyncBaseTransport | None = None,
        environ: Mapping[str, str] | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        max_wait_s: float = MAX_WAIT_S,
    ):
        self.cache, self.offline = cache, offline
        self.environ = os.environ if environ is None else environ
        self.sleep, self.max_wait_s = sleep, max_wait_s
        self.requests = 0  # sent over the network (or to `transport`)
        self.hits = 0  # answered from the cache
        self._network = _Refuse() if offline else (transport or httpx.AsyncHTTPTransport(retries=1))
        self._sources: dict[str, SourceDef] = {}
        self._transports: dict[str, httpx.AsyncBaseTransport] = {}
        self._memo: dict[str, asyncio.Task[Fetched]] = {}
        self._client = httpx.AsyncClient(transport=_Router(self), headers={"User-Agent": USER_AGENT}, follow_redirects=True)

    async def __aenter__(self) -> Http:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._client.aclose()
        for transport in self._transports.values():
            await transport.aclose()
        await self._network.aclose()

    def key(self, source: SourceDef) -> str | None:
        return self.environ.get(source.api_key_env) or None if source.api_key_env else None

    @property
    def secrets(self) -> tuple[str, ...]:
        return tuple(k for s in self._sources.values() if (k := self.key(s)))

    def redact(self, text: str) -> str:
        return redact(text, self.secrets)

    async def get(
        self,
        source: SourceDef,
        url: str,
        *,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        allow: tuple[int, ...] = (),
    ) -> Fetched:
        """GET `url` for `source`; any failure is a SourceError that says what
        happened. Statuses in `allow` (an SDMX 404 "no results") are answers."""
        self._sources.setdefault(source.id, source)
        request_url = str(httpx.URL(url, params=params)) if params else url
        memo_key = f"{source.id} {request_url} {sorted((headers or {}).items())} {allow}"
        if memo_key not in self._memo:
            self._memo[memo_key] = asyncio.ensure_future(self._get(source, request_url, headers or {}, allow))
        return await self._memo[memo_key]

    async def _get(self, source: SourceDef, url: str, headers: Mapping[str, str], allow: tuple[int, ...]) -> Fetched:
        shown = self.redact(url)
        # Our own key (hishel's default is the same idea), so that `forget` can find the entry.
        cache_key = hashlib.sha256(f"GET {url} {sorted(headers.items())}".encode()).hexdigest()
        try:
            async for attempt in AsyncRetrying(
                stop=stop_after_attempt(source.retries + 1),
                wait=self._wait,
                retry=retry_if_exception_type((_Transient, httpx.TransportError)),
                sleep=self.sleep,
                reraise=True,
            ):
                with attempt:
                    response = await self._client.get(
                        url,
                        headers=headers,
                        timeout=source.timeout_s,
                        extensions={_SOURCE: source.id, "caching": {"ttl": source.cache_ttl_s, "key": cache_key}},
                    )
                    if response.status_code not in allow:
                        self._check(source, response, shown)
        except _Transient as e:
            tries = source.retries + 1
            raise SourceError(source.id, f"HTTP {e.status} after {tries} attempt{'s' * (tries > 1)} ({shown}){e.excerpt}") from None
        except _Offline:
            raise SourceError(source.id, f"offline, and this request is not in the cache ({shown})") from None
        except _NoKey:
            raise SourceError(source.id, f"needs an API key: set {source.api_key_env}") from None
        except httpx.TimeoutException:
            raise SourceError(source.id, f"no answer within {source.timeout_s:g} s ({shown})") from None
        except httpx.ConnectError as e:
            raise SourceError(source.id, self.redact(f"cannot connect (no network, or the host is down): {e} ({shown})")) from None
        except httpx.HTTPError as e:
            raise SourceError(source.id, self.redact(f"cannot reach the source: {type(e).__name__} {e} ({shown})")) from None
        status = response.extensions.get("caching") or {}
        from_cache = bool(status.get("from_cache"))
        if from_cache:
            self.hits += 1
        log.debug("%s %s %s", source.id, "cache" if from_cache else response.status_code, shown)
        stamp = response.headers.get(_RETRIEVED_HEADER)
        retrieved = dt.datetime.fromisoformat(stamp) if stamp else dt.datetime.now(dt.UTC)
        return Fetched(source.id, shown, response.status_code, response.content, response.headers.get("content-type", ""), retrieved, from_cache, cache_key)

    async def forget(self, fetched: Fetched) -> None:
        """Drop an answer from the cache: one that came with HTTP 200 but says
        it is an error (World Bank), or that could not be read, must not be
        served again for the source's whole TTL."""
        transport = self._transports.get(fetched.source)
        if isinstance(transport, AsyncCacheTransport) and fetched.cache_key:
            storage = transport.config["storage"]
            for entry in await storage.get_entries(fetched.cache_key):
                await storage.remove_entry(entry.id)

    def _check(self, source: SourceDef, response: httpx.Response, shown: str) -> None:
        status = response.status_code
        if status == 429 or status >= 500:
            after = _retry_after(response.headers.get("retry-after"))
            excerpt = self._excerpt(response)
            if after is not None and after > self.max_wait_s:
                raise SourceError(source.id, f"HTTP {status}: the source asks to wait {after:g} s ({shown}){excerpt}")
            raise _Transient(status, after, excerpt)
        if status >= 400:
            raise SourceError(source.id, f"HTTP {status} ({shown}){self._excerpt(response)}")

    def _excerpt(self, response: httpx.Response) -> str:
        text = " ".join(response.text.split())[:160]
        return f": {self.redact(text)}" if text else ""

    def _wait(self, state) -> float:
        """Retry-After when the source gives one, else exponential backoff (0.5, 1, 2 ... s)."""
        error = state.outcome.exception() if state.outcome else None
        if isinstance(error, _Transient) and error.retry_after is not None:
            return error.retry_after
        return min(0.5 * 2 ** (state.attempt_number - 1), self.max_wait_s)

    def _transport_for(self, source_id: str) -> httpx.AsyncBaseTransport:
        transport = self._transports.get(source_id)
        if transport is None:
            source = self._sources[source_id]
            gate = _Gate(source, self._network, self.key(source), self._count)
            if self.cache is None:
                transport = gate
            else:
                storage = AsyncSqliteStorage(database_path=cache_file(self.cache, source_id), default_ttl=source.cache_ttl_s)
                transport = AsyncCacheTransport(gate, storage=storage)
            self._transports[source_id] = transport
        return transport

    def _count(self) -> None:
        self.requests += 1


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header: a number or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - dt.datetime.now(dt.UTC)).total_seconds())
