"""Where reports are kept: one small interface, an embedded SQLite behind it.

The app sees only `Store`; a server database replaces `SQLiteStore` when one
machine is outgrown. `put` returns only once the record is durable (WAL with
synchronous=FULL: a committed transaction survives a crash or power loss),
which is what lets the app acknowledge a check with 201 after it.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from pathlib import Path
from typing import Protocol

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from ..errors import ConfigError
from ..models import Document, Report, Stats

_DOCUMENTS = TypeAdapter(list[Document])
SCHEMA_VERSION = 1


class StoredCheck(BaseModel):
    """A finished check: the report and the documents it was run on (the HTML
    report shows the article text around each claim)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    created: dt.datetime
    report: Report
    documents: list[Document]


class Summary(BaseModel):
    """What a listing shows of a check without reading its report."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(description="the check's id: its report is at /v1/checks/{id} (JSON) and /v1/checks/{id}.html")
    created: dt.datetime = Field(description="when the check was stored (UTC)")
    title: str | None = Field(description="the draft's title, when it has one")
    documents: list[str] = Field(description="the names of the documents checked")
    stats: Stats = Field(description="the report's counts")


class Page(BaseModel):
    """One page of the listing, newest check first."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    items: list[Summary] = Field(description="at most `limit` checks, newest first")
    next_cursor: str | None = Field(
        default=None,
        description="pass it as `cursor` to get the next (older) page; null on the last page. Opaque: do not build or change it",
    )


class Store(Protocol):
    def put(self, check: StoredCheck) -> None:
        """Keep `check`; return only once it is durable."""

    def get(self, check_id: str) -> StoredCheck | None: ...

    def page(self, limit: int, cursor: str | None = None) -> Page:
        """Newest first; `cursor` is the opaque `next_cursor` of the previous page."""

    def ping(self) -> None:
        """Raise if the store cannot be read."""

    def close(self) -> None: ...


_SCHEMA = """
CREATE TABLE IF NOT EXISTS checks (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    created TEXT NOT NULL,
    title TEXT,
    documents TEXT NOT NULL,
    report TEXT NOT NULL
);
"""


class SQLiteStore:
    """One connection per thread (sqlite3 connections are not shared across
    threads), all on one file in WAL mode so readers never wait for a writer."""

    def __init__(self, path: Path):
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ConfigError(f"{self.path}: cannot create its directory: {exc.strerror or exc}") from None
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        connection = self._connection()
        try:
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise ConfigError(f"{self.path}: written by a newer verifier (schema {version}, this one reads {SCHEMA_VERSION})")
            with connection:
                connection.executescript(_SCHEMA)
                connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except sqlite3.DatabaseError as exc:
            raise ConfigError(f"{self.path}: not a usable SQLite database ({exc})") from None

    def _connection(self) -> sqlite3.Connection:
        connection = getattr(self._local, "connection", None)
        if connection is None:
            try:
                connection = sqlite3.connect(self.path, timeout=10.0, check_same_thread=False, isolation_level=None)
                connection.execute("PRAGMA journal_mode=WAL")
                connection.execute("PRAGMA synchronous=FULL")
            except sqlite3.DatabaseError as exc:
                raise ConfigError(f"{self.path}: not a usable SQLite database ({exc})") from None
            self._local.connection = connection
            with self._lock:
                self._connections.append(connection)
        return connection

    def put(self, check: StoredCheck) -> None:
        title = next((d.title for d in check.documents if d.title), None)
        with self._connection() as connection:
            connection.execute("BEGIN IMMEDIATE")
            connection.execute(
                "INSERT INTO checks (id, created, title, documents, report) VALUES (?, ?, ?, ?, ?)",
                (
                    check.id,
                    check.created.isoformat(),
                    title,
                    _DOCUMENTS.dump_json(check.documents).decode(),
                    check.report.model_dump_json(),
                ),
            )

    def get(self, check_id: str) -> StoredCheck | None:
        row = self._connection().execute("SELECT id, created, documents, report FROM checks WHERE id = ?", (check_id,)).fetchone()
        if row is None:
            return None
        return StoredCheck(
            id=row[0],
            created=dt.datetime.fromisoformat(row[1]),
            documents=_DOCUMENTS.validate_json(row[2]),
            report=Report.model_validate_json(row[3]),
        )

    def page(self, limit: int, cursor: str | None = None) -> Page:
        before = _cursor(cursor)
        # The summary is read out of the stored JSON by SQLite itself: a
        # listing never parses whole reports in Python.
        rows = self._connection().execute(
            """SELECT seq, id, created, title,
                      json_extract(report, '$.run.documents'), json_extract(report, '$.stats')
               FROM checks WHERE seq < ? ORDER BY seq DESC LIMIT ?""",
            (before, limit + 1),
        ).fetchall()
        items = [
            Summary(
                id=r[1],
                created=dt.datetime.fromisoformat(r[2]),
                title=r[3],
                documents=_DOCUMENT_NAMES.validate_json(r[4]),
                stats=Stats.model_validate_json(r[5]),
            )
            for r in rows[:limit]
        ]
        return Page(items=items, next_cursor=str(rows[limit - 1][0]) if len(rows) > limit else None)

    def ping(self) -> None:
        self._connection().execute("SELECT 1 FROM checks LIMIT 1").fetchall()

    def close(self) -> None:
        with self._lock:
            for connection in self._connections:
                connection.close()
            self._connections.clear()
        self._local = threading.local()


_DOCUMENT_NAMES = TypeAdapter(list[str])
_NO_CURSOR = 2**63 - 1


class BadCursor(ValueError):
    pass


def _cursor(cursor: str | None) -> int:
    if cursor is None:
        return _NO_CURSOR
    if not cursor.isdigit() or len(cursor) > 18:
        raise BadCursor(f"invalid cursor {cursor!r}: pass the next_cursor of a previous page")
    return int(cursor)
