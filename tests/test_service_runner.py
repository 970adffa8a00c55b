"""The runner's bounds with real worker processes: a worker that dies takes
only the checks it had, and the next check gets a new pool."""

from __future__ import annotations

import asyncio
import os

import pytest

from verifier.service.intake import Draft
from verifier.service.jobs import Job
from verifier.service.runner import Busy, Runner

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend():
    return "asyncio"


class DyingJob(Job):
    """A check whose worker process dies (as under the kernel's OOM killer)
    when the draft is named "die"; module-level so a spawned worker can unpickle it."""

    def __call__(self, draft):
        if draft.name == "die":
            os._exit(1)
        return super().__call__(draft)


async def test_a_dead_worker_is_replaced():
    runner = Runner(DyingJob(sources=("snapshot",)), isolation="process", concurrency=1, max_pending=4, timeout_s=60)
    try:
        await runner.warm_up()
        with pytest.raises(Busy):
            await runner.run(Draft(name="die", text="Brent averaged $82.49 a barrel in 2023.", lang="en"))
        document, report = await runner.run(Draft(name="ok", text="Brent averaged $82.49 a barrel in 2023.", lang="en"))
        assert document.path == "ok" and [v.status for v in report.verdicts] == ["supported"]
        await asyncio.sleep(0)
        assert runner.pending == 0
    finally:
        runner.close()
