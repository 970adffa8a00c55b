"""The pipeline: a failing source makes its claims unverifiable with the reason; the run completes."""

import pytest

from verifier.adapters import ADAPTERS
from verifier.errors import SourceError
from verifier.flow.verify import check
from verifier.read.documents import load
from verifier.sources import load_sources, select


class _Down:
    def __init__(self, source, **_):
        self.source = source

    async def fetch(self, query):
        raise SourceError(self.source.id, "HTTP 503 from upstream")


@pytest.fixture
def broken_snapshot(monkeypatch):
    monkeypatch.setitem(ADAPTERS, "down", _Down)
    sources = select(load_sources())  # the enabled ones: live sources are opt-in
    return {sid: s.model_copy(update={"adapter": "down"}) for sid, s in sources.items()}


def test_failing_source_makes_claims_unverifiable(seed_path, broken_snapshot):
    report = check([load(seed_path)], sources=broken_snapshot)
    by_text = {v.claim.text: v for v in report.verdicts}
    trade = by_text["218,2 milliards de dollars"]
    assert (trade.status, trade.code) == ("unverifiable", "source-unavailable")
    assert trade.message == "snapshot: HTTP 503 from upstream"
    assert report.stats.claims == 4 and report.stats.unverifiable == 4


def test_each_distinct_query_is_made_once(seed_path, monkeypatch):
    calls = []
    snapshot = ADAPTERS["snapshot"]

    class Counting(snapshot):
        async def fetch(self, query):
            calls.append(query.model_dump_json())
            return await super().fetch(query)

    monkeypatch.setitem(ADAPTERS, "snapshot", Counting)
    doc = load(seed_path)
    check([doc, doc])
    assert calls and len(calls) == len(set(calls))
