"""How verdicts are presented to people, shared by the cli and html renderers:
status icons and order, evidence order, the summary line."""

from __future__ import annotations

import math
from collections.abc import Iterable

from ..models import Evidence, Verdict

STATUS_ICONS = {"supported": "✔", "contradicted": "✖", "unverifiable": "?"}
STATUS_ORDER = ("contradicted", "unverifiable", "supported")

def interval_unit(verdict: Verdict) -> str:
    """The unit an interval is stated in: the observed values' (design: the range
    of observed values), except for rankings, whose bounds are not in the
    evidence's unit."""
    claim = verdict.claim
    if claim.kind == "ranking":
        return claim.quantity.unit if claim.quantity else ""
    if verdict.evidence:
        return verdict.evidence[0].unit
    return claim.quantity.unit if claim.quantity else ""


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


def summary_line(counts: dict[str, int], documents: int) -> str:
    """"✖ 1 contradicted, 1 unverifiable, 2 supported in 1 file"."""
    if not any(counts.values()):
        return f"No claims found in {plural(documents, 'file')}"
    worst = next(s for s in STATUS_ORDER if counts.get(s))
    parts = ", ".join(f"{counts.get(s, 0)} {s}" for s in STATUS_ORDER)
    return f"{STATUS_ICONS[worst]} {parts} in {plural(documents, 'file')}"


def status_counts(statuses: Iterable[str]) -> dict[str, int]:
    counts = dict.fromkeys(STATUS_ORDER, 0)
    for s in statuses:
        counts[s] = counts.get(s, 0) + 1
    return counts
