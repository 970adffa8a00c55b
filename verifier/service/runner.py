"""Checks run off the event loop, a bounded number at a time, each within a deadline.

Extraction is CPU-bound and holds the GIL, so by default checks run in a
pool of worker processes (`concurrency` of them), leaving the server's own
process free to answer; a thread pool is the light alternative (tests, or a
machine where processes cost too much). At most `max_pending` checks are
running or queued; past that a request is refused at once (503) rather than
queued behind work it would time out on. A check that outlives its deadline
cannot be stopped where it runs: its request gets a 504, its result is
dropped, and it keeps its place in `max_pending` until it really ends, so
the bound counts what the machine is actually doing.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import threading
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Literal

from ..models import Document, Report
from .intake import Draft
from .jobs import Job, warm

Isolation = Literal["process", "thread"]


class Busy(Exception):
    """The check cannot be taken now: too many running or queued, or the
    worker pool broke under it (a new one is started for the next)."""


class TimedOut(Exception):
    """A check did not finish within the deadline."""


class Runner:
    def __init__(self, job: Job, *, isolation: Isolation, concurrency: int, max_pending: int, timeout_s: float):
        self._job = job
        self._isolation = isolation
        self._concurrency = concurrency
        self._max_pending = max_pending
        self._timeout_s = timeout_s
        self._pending = 0
        self._lock = threading.Lock()
        self._pool = self._new_pool()

    def _new_pool(self) -> Executor:
        if self._isolation == "thread":
            return ThreadPoolExecutor(max_workers=self._concurrency, thread_name_prefix="verifier-check")
        # spawn, not fork: the server process has threads, and a forked child
        # could inherit a lock one of them held.
        return ProcessPoolExecutor(
            max_workers=self._concurrency,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=warm,
            initargs=(self._job,),
        )

    @property
    def pending(self) -> int:
        return self._pending

    async def warm_up(self) -> None:
        """Start the workers and load what checks need, before the first request."""
        if self._isolation == "thread":
            await asyncio.wrap_future(self._pool.submit(warm, self._job))
        else:
            # Each process warms itself up in its initializer; a task per worker starts them all.
            await asyncio.gather(*(asyncio.wrap_future(self._pool.submit(_noop)) for _ in range(self._concurrency)))

    async def run(self, draft: Draft) -> tuple[Document, Report]:
        """The document read from `draft` and its report. Raises Busy,
        TimedOut, or what the job raised (DocumentError)."""
        with self._lock:
            if self._pending >= self._max_pending:
                raise Busy
            self._pending += 1
        pool = self._pool
        try:
            future = pool.submit(self._job, draft)
        except BaseException:
            self._done()
            raise
        future.add_done_callback(lambda _: self._done())
        try:
            # Cancelling the wrapper on timeout also cancels a check still queued.
            return await asyncio.wait_for(asyncio.wrap_future(future), self._timeout_s)
        except TimeoutError:
            raise TimedOut from None
        except BrokenProcessPool:
            # A worker died (killed, out of memory): every queued check fails
            # with it. Start a new pool so the next requests are served.
            self._replace(pool)
            raise Busy from None

    def _replace(self, broken: Executor) -> None:
        with self._lock:
            if self._pool is not broken:  # another request replaced it already
                return
            self._pool = self._new_pool()
        broken.shutdown(wait=False, cancel_futures=True)

    def _done(self) -> None:
        with self._lock:
            self._pending -= 1

    def close(self) -> None:
        """Drop queued checks and wait for running ones (bounded by their
        sources' own timeouts), so worker processes exit cleanly."""
        self._pool.shutdown(wait=True, cancel_futures=True)


def _noop() -> None:
    return None
