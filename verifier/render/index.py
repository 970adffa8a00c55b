"""`index.html` of a report directory: every logged run, newest first, linked
to its reports while they are still that run's.

A later run of the same article writes over its reports; the older run's
line stays, marked as replaced, so the page never links a reader to figures
from another run than the one the line describes.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from urllib.parse import quote

from .html import STATUS_LABELS, _environment, _timestamp
from .runs import Run
from .verdicts import STATUS_ICONS, STATUS_ORDER

SHOWN_DOCUMENTS = 3


def render(runs: Iterable[Run], directory: Path) -> str:
    runs = list(runs)
    newest: dict[str, Run] = {}
    for run in runs:  # newest first: the first run seen for a file wrote it last
        newest.setdefault(run.html, run)
    rows = []
    for run in runs:
        current = newest[run.html] is run
        rows.append(
            {
                "run": run,
                "started": _timestamp(run.started),
                "documents": run.documents[:SHOWN_DOCUMENTS],
                "more": max(len(run.documents) - SHOWN_DOCUMENTS, 0),
                "counts": {s: getattr(run.stats, s) for s in STATUS_ORDER},
                "html": _href(run.html) if current and (directory / run.html).is_file() else None,
                "json": _href(run.json_file) if current and (directory / run.json_file).is_file() else None,
                "state": None if current else f"report replaced by the run of {_timestamp(newest[run.html].started)}",
            }
        )
    return _environment().get_template("index.html.j2").render(
        rows=rows, statuses=STATUS_ORDER, icons=STATUS_ICONS, labels=STATUS_LABELS
    )


def _href(name: str) -> str:
    # Percent-encoded and rooted at "./": a file named "javascript:x" stays a relative link.
    return "./" + quote(name)
