"""bench/sources.py's two claims, at a shorter latency: requests of a run go
out concurrently, and a re-run on a warm cache makes none."""

import asyncio
import importlib.util
from pathlib import Path

from verifier.read.documents import load
from verifier.sources import load_sources

BENCH = Path(__file__).resolve().parents[2] / "bench" / "sources.py"


def test_concurrent_then_cached(tmp_path):
    spec = importlib.util.spec_from_file_location("bench_sources", BENCH)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    draft = tmp_path / "draft.txt"
    draft.write_text(bench.DRAFT, encoding="utf-8")
    documents = [load(str(draft), lang="en")]
    sources = {sid: load_sources()[sid] for sid in bench.SOURCES}
    cold = asyncio.run(bench.run(documents, sources, tmp_path / "cache", 0.1))
    warm = asyncio.run(bench.run(documents, sources, tmp_path / "cache", 0.1))
    assert cold["claims"] == 20 and cold["requests"] == 28
    # Concurrent, without a clock: more requests were in flight at once than any one source allows.
    assert cold["most_in_flight"] > max(s.concurrency for s in sources.values())
    assert (warm["requests"], warm["cache_hits"]) == (0, 28)
