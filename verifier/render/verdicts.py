"""How verdicts are presented, shared by every renderer: status icons and
order, evidence order, the summary line, positions and one-line summaries."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

from ..models import Document, Evidence, Note, Verdict
from ..readable import format_interval, format_magnitude

STATUS_ICONS = {"supported": "✔", "contradicted": "✖", "unverifiable": "?"}
STATUS_ORDER = ("contradicted", "unverifiable", "supported")

def interval_unit(verdict: Verdict) -> str:
    """The unit an interval is stated in: the claim's own. The judge builds it
    from the claim's figure ("rose 40 %" accepts 38–42 %, "222 bn EUR" is
    compared with dollars converted to euros), never in the evidence's unit."""
    q = verdict.claim.quantity
    return q.unit if q is not None else ""


def ordered_evidence(verdict: Verdict) -> list[Evidence]:
    """Evidence in the order a reader checks it: a ranking's table from the
    largest value down, so the claimed rank can be read off; else as judged."""
    if verdict.claim.kind == "ranking":
        return sorted(verdict.evidence, key=lambda e: -e.value if not math.isnan(e.value) else math.inf)
    return list(verdict.evidence)


def names_claimed_place(verdict: Verdict, evidence: list[Evidence]) -> list[bool]:
    """For each evidence row, whether it is about a place the claim names.

    Judged on what differs between rows: a ranking's rows all share the
    reporter ("China's top supplier"), which would otherwise mark every row."""
    claimed = {p.code for p in verdict.claim.places}
    same_place = len({e.place for e in evidence}) == 1
    return [
        bool(({e.partner} if same_place and e.partner else {e.place, e.partner}) & claimed)
        for e in evidence
    ]


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary_line(counts: dict[str, int], documents: int, verdicts: Iterable[Verdict] = ()) -> str:
    """"✖ 1 contradicted, 1 unverifiable, 2 supported in 1 file", and how many
    of the `verdicts` were set aside ("; 1 ignored, 2 already in the baseline")."""
    if not any(counts.values()):
        return f"No claims found in {plural(documents, 'file')}"
    worst = next(s for s in STATUS_ORDER if counts.get(s))
    parts = ", ".join(f"{counts.get(s, 0)} {s}" for s in STATUS_ORDER)
    line = f"{STATUS_ICONS[worst]} {parts} in {plural(documents, 'file')}"
    verdicts = list(verdicts)
    aside = [
        f"{n} {what}"
        for n, what in (
            (sum(v.ignored is not None for v in verdicts), "ignored"),
            (sum(v.ignored is None and v.baseline == "unchanged" for v in verdicts), "already in the baseline"),
        )
        if n
    ]
    return line + (f"; {', '.join(aside)}" if aside else "")


def status_counts(statuses: Iterable[str]) -> dict[str, int]:
    counts = dict.fromkeys(STATUS_ORDER, 0)
    for s in statuses:
        counts[s] = counts.get(s, 0) + 1
    return counts


def findings(verdicts: Iterable[Verdict]) -> list[Verdict]:
    """The verdicts a linter-style output reports: everything above `info`
    that an editor has not ignored and the baseline does not already hold.

    Chosen by level, not status, so that a per-code level override (say,
    `no-metric` lowered to info) silences a code in every such format at once."""
    return [v for v in verdicts if v.level != "info" and set_aside(v) is None]


def set_aside(verdict: Verdict) -> str | None:
    """Why a verdict does not count against the run, said for a reader; None if it counts."""
    if verdict.ignored is not None:
        return f"ignored (line {verdict.ignored.line}): {verdict.ignored.reason}"
    if verdict.baseline == "unchanged":
        return "already in the baseline"
    return None


def where(verdict: Verdict) -> str:
    return f"{verdict.document}:{verdict.claim.span.line}:{verdict.claim.span.column}"


def note_where(note: Note) -> str:
    return f"{note.document}:{note.line}:{note.column}"


def end_position(verdict: Verdict, documents: Mapping[str, Document]) -> tuple[int, int]:
    """Line and column just past the claim's last character (end exclusive).

    From the document when the report carries it; else from the claim's words,
    which are the span's text."""
    span = verdict.claim.span
    doc = documents.get(verdict.document)
    if doc is not None and span.end <= len(doc.text):
        end = doc.locate(span.end, span.end)
        return end.line, end.column
    words = verdict.claim.text
    if "\n" not in words:
        return span.line, span.column + len(words)
    return span.line + words.count("\n"), len(words.rsplit("\n", 1)[1]) + 1


def one_line(text: str) -> str:
    """Whitespace runs (newlines included) as one space: line-based formats
    must not let an article's line breaks start a new record."""
    return " ".join(text.split())


def evidence_lines(verdict: Verdict, limit: int) -> tuple[list[str], list[str], list[str]]:
    """What the source says, as (values, sources, periods): a value per figure
    shown (the first `limit`, plus any naming the claim's own place, then "… n
    more"), each with its place when there are several; a ranking's rows share
    the reporter and differ by partner, so only what differs is named."""
    evidence = ordered_evidence(verdict)
    same_place = len({e.place for e in evidence}) == 1
    named = names_claimed_place(verdict, evidence)
    shown = [e for i, e in enumerate(evidence) if i < limit or named[i]]
    values = []
    for e in shown:
        value = format_magnitude(e.value, e.unit)
        if len(evidence) > 1:
            value += " " + (e.place if e.partner is None else e.partner if same_place else f"{e.place}/{e.partner}")
        values.append(value)
    if len(evidence) > len(shown):
        values.append(f"… {len(evidence) - len(shown)} more")
    return values, list(dict.fromkeys(e.source for e in evidence)), list(dict.fromkeys(e.period.label for e in evidence))


def evidence_summary(verdict: Verdict, limit: int = 3) -> str:
    """What the source says, in one line: "218.17 bn USD (snapshot, January–November 2023)"."""
    values, sources, periods = evidence_lines(verdict, limit)
    return f"{'; '.join(values)} ({', '.join(sources)}, {', '.join(periods)})" if values else ""


def interval_text(verdict: Verdict) -> str | None:
    return format_interval(verdict.interval, interval_unit(verdict)) if verdict.interval else None
