"""Run the stages: documents -> claims -> queries -> evidence -> verdicts -> report.

Queries of a run go out concurrently and each distinct query is made once.
A source that fails turns the claims that needed it into `unverifiable`
verdicts that say why; the run itself completes. A claim whose text names
its source is judged on that source's evidence first, and its verdict says
whether that source's figures were used.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..adapters import build
from ..ci import baseline as baselines
from ..ci.gitdiff import changed_lines, narrow
from ..ci.suppression import apply as ignored
from ..ci.suppression import unused
from ..config import Config, run_sources
from ..errors import ConfigError, SourceError
from ..extract import extract
from ..judge.consistency import check as check_consistency
from ..judge.levels import relevel
from ..judge.plans import consistent, judge_plan
from ..match.planner import Plan, plan
from ..models import Document, Evidence, Query, Report, RunInfo, Stats, Verdict
from ..sources import SourceDef, load_sources, select
from ..tolerances import Settings

if TYPE_CHECKING:
    from ..adapters.http import Http


#: Told (stage, done, total) as a run goes: "extracting" per document, "fetching" per distinct query.
Progress = Callable[[str, int, int], None]


def _quiet(stage: str, done: int, total: int) -> None:
    pass


def verify(
    documents: Sequence[Document],
    *,
    config: Config | None = None,
    sources: Sequence[str] | Mapping[str, SourceDef] | None = None,
    tolerance: float | None = None,
    offline: bool = False,
    baseline: Path | None = None,
    changed_since: str | None = None,
    http: Http | None = None,
    progress: Progress | None = None,
) -> Report:
    """The finished report on `documents`: every claim extracted, planned,
    fetched and judged, then each document's levels from `config` (its
    `[[overrides]]` matched on the document's path), the editorial
    suppressions, the `baseline` file's accepted findings and, with
    `changed_since` (a git revision), only the claims on lines changed since.

    `sources` are source ids (resolved with the config, as `--sources` is)
    or definitions; by default the config's, else every enabled source.
    `tolerance` overrides every document's. The CLI and the service both
    run this, so a draft gets the same verdicts and levels from either."""
    config = config or Config()
    chosen = dict(sources) if isinstance(sources, Mapping) else run_sources(config, list(sources) if sources else None)
    per_file = {doc.path: config.for_file(doc.path) for doc in documents}

    def settings(given: float | None) -> Settings:
        given = tolerance if tolerance is not None else given
        return Settings() if given is None else Settings(tolerance=given)

    report = check(
        documents,
        sources=chosen,
        settings=settings(config.tolerance),
        offline=offline,
        http=http,
        progress=progress,
        per_document={path: settings(s.tolerance) for path, s in per_file.items()},
    )
    levels = [relevel([v], (per_file[v.document] if v.document in per_file else config).levels)[0] for v in report.verdicts]
    report = report.model_copy(update={"verdicts": levels})
    if changed_since:
        report = narrow(report, changed_lines([d.path for d in documents], changed_since))
    if baseline is not None:
        report = baselines.compare(report, baselines.load(baseline))
    return report


def check(documents: Sequence[Document], **options: Any) -> Report:
    """`check_async`, for callers without an event loop."""
    return asyncio.run(check_async(documents, **options))


async def check_async(
    documents: Sequence[Document],
    *,
    sources: dict[str, SourceDef] | None = None,
    settings: Settings | None = None,
    offline: bool = False,
    http: Http | None = None,
    progress: Progress | None = None,
    per_document: Mapping[str, Settings] | None = None,
) -> Report:
    """Every claim of `documents`, checked against `sources` (default: every
    enabled source, which out of the box is the offline snapshot): the
    verdicts before the project's levels, baseline and narrowing, which
    `verify` adds. `offline` lets live sources answer from the HTTP cache
    only; `http` is a client to use instead of the run's own (its caller
    closes it); `progress` is told each step's stage, done and total;
    `per_document` gives, by document path, settings that replace
    `settings` for that document."""
    started, clock = dt.datetime.now(dt.UTC), time.perf_counter()
    defined = _defined()
    sources = select(defined) if sources is None else sources
    settings = settings or Settings()
    settings_of = {doc.path: (per_document or {}).get(doc.path, settings) for doc in documents}
    tick = progress or _quiet
    claims = []
    for done, doc in enumerate(documents, start=1):
        claims.append((doc, extract(doc)))
        tick("extracting", done, len(documents))
    findings = {doc.path: check_consistency(found, settings_of[doc.path], doc.lang) for doc, found in claims}
    plans = [(doc, plan(claim, sources.values(), defined.values())) for doc, found in claims for claim in found]
    # Query holds a dict (places), so identical queries are found by their JSON form.
    distinct = {q.model_dump_json(): q for _, p in plans for q in p.queries}
    if http is None and any(sources[q.source].live for q in distinct.values()):
        from ..adapters.http import Http, cache_dir  # httpx, hishel: only when a live source is asked

        async with Http(cache=cache_dir(), offline=offline) as own:
            answers = await _fetch_all(distinct, sources, own, tick)
    else:
        answers = await _fetch_all(distinct, sources, http, tick)
    verdicts = [
        ignored(consistent(_judge(doc, p, answers, settings_of[doc.path]), findings[doc.path]), doc.ignores) for doc, p in plans
    ]
    counts = {s: sum(v.status == s for v in verdicts) for s in ("supported", "contradicted", "unverifiable")}
    notes = [note for doc in documents for note in unused(doc, [v for v in verdicts if v.document == doc.path])]
    return Report(
        verdicts=verdicts,
        notes=notes,
        stats=Stats(claims=len(verdicts), documents=len(documents), **counts),
        run=RunInfo(
            version=__version__,
            started=started,
            duration_s=round(time.perf_counter() - clock, 3),
            sources=sorted(sources),
            documents=[d.path for d in documents],
            published={d.path: d.published for d in documents},
            lang={d.path: d.lang for d in documents},
        ),
    )


def _defined() -> dict[str, SourceDef]:
    """Every source definition, so that a verdict can tell a named source this
    run does not use from one that does not exist. A caller that passes its
    own sources may have no sources directory: routing then knows only those."""
    try:
        return load_sources()
    except ConfigError:
        return {}


async def _fetch_all(
    queries: dict[str, Query], sources: dict[str, SourceDef], http: Http | None, tick: Progress
) -> dict[str, list[Evidence] | SourceError]:
    adapters = {sid: build(sources[sid], http=http) for sid in {q.source for q in queries.values()}}
    done = 0

    async def one(query: Query) -> list[Evidence] | SourceError:
        nonlocal done
        try:
            return await adapters[query.source].fetch(query)
        except SourceError as exc:
            return exc
        finally:
            done += 1
            tick("fetching", done, len(queries))

    results = await asyncio.gather(*(one(q) for q in queries.values()))
    return dict(zip(queries, results))


def _judge(doc: Document, p: Plan, answers: dict, settings: Settings) -> Verdict:
    evidence: list[Evidence] = []
    failures = []
    for q in p.queries:
        answer = answers[q.model_dump_json()]
        if isinstance(answer, SourceError):
            failures.append(str(answer))
        else:
            evidence.extend(answer)
    return judge_plan(doc.path, p, evidence, failures, settings, published=doc.published)


