"""The log of past runs in a report directory: `runs.jsonl`, one line per run.

Each run of `check` that writes reports appends what it found and which
files it wrote, so `index.html` can list every run, including those whose
report a later run of the same article has since replaced. The log is
append-only: a line written by a run is never rewritten, and a line that
does not parse (a run killed mid-write, an older format) is passed over
rather than failing the run that reads it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from ..models import Report, Stats

LOG = "runs.jsonl"
INDEX = "index.html"


class Run(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")

    started: dt.datetime
    duration_s: float
    version: str
    schema_version: str
    documents: list[str]
    sources: list[str]
    stats: Stats
    html: str
    json_file: str


def entry(report: Report, stem: str) -> Run:
    return Run(
        started=report.run.started,
        duration_s=report.run.duration_s,
        version=report.run.version,
        schema_version=report.schema_version,
        documents=report.run.documents,
        sources=report.run.sources,
        stats=report.stats,
        html=f"{stem}.html",
        json_file=f"{stem}.json",
    )


def append(directory: Path, run: Run) -> None:
    with (directory / LOG).open("a", encoding="utf-8") as f:
        f.write(run.model_dump_json() + "\n")


def read(directory: Path) -> list[Run]:
    """The runs logged in `directory`, newest first."""
    try:
        lines = (directory / LOG).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    runs = []
    for line in lines:
        try:
            runs.append(Run.model_validate_json(line))
        except ValidationError:
            continue
    return sorted(runs, key=lambda r: r.started, reverse=True)
