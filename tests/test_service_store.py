"""The report store: SQLite behind the Store interface."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
import uuid

import pytest

from verifier.errors import ConfigError
from verifier.models import Report, RunInfo, Stats
from verifier.read.documents import from_text
from verifier.service.store import SQLiteStore, StoredCheck


def _check(n: int, title: str | None = None) -> StoredCheck:
    doc = from_text(f"Brent averaged ${n} a barrel in 2023.", f"draft-{n}.txt", lang="en", title=title)
    started = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    report = Report(
        verdicts=[],
        stats=Stats(claims=n, supported=n, contradicted=0, unverifiable=0, documents=1),
        run=RunInfo(version="test", started=started, duration_s=0.01, sources=["snapshot"], documents=[doc.path]),
    )
    return StoredCheck(id=uuid.uuid4().hex, created=started + dt.timedelta(minutes=n), report=report, documents=[doc])


def test_round_trip_keeps_report_documents_and_time(tmp_path):
    store = SQLiteStore(tmp_path / "a" / "checks.sqlite3")  # the directory is created
    kept = _check(3, title="Brent")
    store.put(kept)
    assert store.get(kept.id) == kept
    assert store.get("missing") is None
    [summary] = store.page(10).items
    assert (summary.id, summary.title, summary.documents, summary.stats.claims) == (kept.id, "Brent", ["draft-3.txt"], 3)
    assert summary.created == kept.created and summary.created.tzinfo is not None
    store.close()


def test_pages_are_newest_first_and_disjoint(tmp_path):
    store = SQLiteStore(tmp_path / "checks.sqlite3")
    checks = [_check(n) for n in range(1, 8)]
    for c in checks:
        store.put(c)
    seen, cursor = [], None
    while True:
        page = store.page(3, cursor)
        seen += [s.id for s in page.items]
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    assert seen == [c.id for c in reversed(checks)]
    assert len(store.page(7).items) == 7 and store.page(7).next_cursor is None
    with pytest.raises(ValueError):
        store.page(3, "not-a-cursor")
    store.close()


def test_a_duplicate_id_is_refused_not_overwritten(tmp_path):
    store = SQLiteStore(tmp_path / "checks.sqlite3")
    first = _check(1)
    store.put(first)
    with pytest.raises(sqlite3.IntegrityError):
        store.put(_check(2).model_copy(update={"id": first.id}))
    assert store.get(first.id) == first
    store.close()


def test_concurrent_writers_lose_nothing(tmp_path):
    store = SQLiteStore(tmp_path / "checks.sqlite3")
    checks = [_check(n) for n in range(40)]

    def write(part):
        for c in part:
            store.put(c)

    threads = [threading.Thread(target=write, args=(checks[i::4],)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    store.close()
    reopened = SQLiteStore(tmp_path / "checks.sqlite3")
    assert {s.id for s in reopened.page(100).items} == {c.id for c in checks}
    assert reopened._connection().execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert reopened._connection().execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    reopened.close()


def test_unusable_databases_are_config_errors(tmp_path):
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"this is not a database" * 100)
    with pytest.raises(ConfigError, match="not a usable SQLite database"):
        SQLiteStore(garbage)
    newer = tmp_path / "newer.sqlite3"
    with sqlite3.connect(newer) as c:
        c.execute("PRAGMA user_version = 99")
    with pytest.raises(ConfigError, match="newer verifier"):
        SQLiteStore(newer)
