"""The judge on the gold set of real-world claims (tests/gold/verdicts.jsonl):
the file is well formed, and no false claim is ever judged supported.
bench/verdicts.py prints the full measures."""

from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench" / "verdicts.py"
_spec = importlib.util.spec_from_file_location("bench_verdicts", BENCH)
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)

ROWS = bench.rows()
KEYS = {"id", "lang", "published", "text", "claim", "truth", "status", "code", "basis"}
STATUS = {"true": "supported", "rounded": "supported", "false": "contradicted", "wrong-period": "contradicted", "unverifiable": "unverifiable"}


def test_the_set_is_well_formed_and_covers_what_the_issue_asks():
    assert len(ROWS) >= 60
    assert len({r["id"] for r in ROWS}) == len(ROWS)
    for r in ROWS:
        assert KEYS <= r.keys() <= KEYS | {"blocked"}, r["id"]
        assert STATUS[r["truth"]] == r["status"], r["id"]
        assert r["claim"] in r["text"], r["id"]
    assert set(Counter(r["truth"] for r in ROWS)) == set(STATUS)
    assert {r["id"].split("-")[0] for r in ROWS} == {"trade", "crude", "gdp", "pop", "infl", "oil", "fx"}


@pytest.fixture(scope="module")
def result():
    return bench.evaluate(ROWS)


def test_no_false_claim_is_judged_supported(result):
    assert result["false_supported"] == []


def test_accuracy_on_claims_the_extractor_reads(result):
    # Rows marked `blocked` wait on the extractor (see each row's reason); the
    # others measure the judge, and it must get them right.
    assert result["accuracy_unblocked"] >= 0.95, result["errors"]
    assert result["contradicted_precision"] == 1.0, result["errors"]


def test_blocked_rows_say_why(result):
    blocked = {r["id"] for r in ROWS if "blocked" in r}
    assert all(r["blocked"].startswith("extraction:") for r in ROWS if "blocked" in r)
    # A row that starts to pass should lose its mark, so the set stays honest.
    passing = {e["id"] for e in result["errors"]}
    assert blocked <= passing, f"no longer blocked: {sorted(blocked - passing)}"
