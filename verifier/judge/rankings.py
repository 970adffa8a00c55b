"""Claim + evidence -> verdict, for rankings ("Russia overtook Saudi Arabia
as China's top crude supplier").

A rank holds only among every entity the source holds for the period; when
entries the table lacks could change it, the verdict is `rank-incomplete`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .. import catalog
from ..codes import verdict
from ..geo import is_country, name
from ..models import Claim, Evidence, Period, Verdict
from ..periods import previous_period, same_span
from ..readable import format_magnitude, ordinal
from ..tolerances import Settings
from .amounts import period_unavailable
from .evidence import who


def judge_ranking(claim: Claim, document: str, evidence: Sequence[Evidence], settings: Settings) -> Verdict:
    """Rank the subject among every entity the source holds for the period.

    Supplier tables are often partial. When the source also gives the total
    (the World row), whatever the table lacks is at most total minus the
    listed entries, so a rank is only confirmed when no missing entry could
    change it; without a total, a rank cannot be confirmed at all."""
    assert claim.metric and claim.period and claim.rank
    roles = {p.role: p.code for p in claim.places}
    subject, rival = roles.get("subject"), roles.get("rival")
    if subject is None:
        return verdict(claim, document, "no-evidence", reason="The text does not say which country holds the rank.")
    table = _table(evidence, claim.metric.id, claim.period)
    if subject not in table.values:
        return period_unavailable(claim, document, [e for e in evidence if _ranked_code(e) == subject], settings)
    value = table.values[subject]
    order = sorted(table.values.items(), key=lambda kv: -kv[1])
    rank = 1 + sum(1 for _, v in order if v > value)
    unit = table.rows[subject].unit
    used = [table.rows[code] for code, _ in order[: max(claim.rank, rank) + 1]]
    if rival and rival in table.rows and table.rows[rival] not in used:
        used.append(table.rows[rival])
    listed = f"{name(subject)} ranks {ordinal(rank)} of the {len(order)} entries {who(table.rows[subject])} lists for {claim.period.label}"
    top = ", ".join(f"{name(c)} {format_magnitude(v, unit)}" for c, v in order[: max(claim.rank, rank) + 1])
    ranking = f"{listed} ({top})."
    if rank > claim.rank:
        return verdict(claim, document, "rank-mismatch", used, ranking=ranking, detail="")
    # Listed rank <= claimed: any entry the table lacks could push the subject down (or, had it
    # been listed, have pushed it down already), so bound what is missing.
    if table.total is None:
        return verdict(claim, document, "rank-incomplete", used, ranking=ranking,
                       detail=" The source gives no total, so entries it does not list cannot be ruled out.")
    used.append(table.total)
    missing = table.total.value - sum(table.values.values())
    if missing >= value:
        return verdict(
            claim, document, "rank-incomplete", used, ranking=ranking,
            detail=f" Unlisted entries add up to {format_magnitude(missing, unit)} of the "
            f"{format_magnitude(table.total.value, unit)} total, enough for one of them to rank above {name(subject)}.",
        )
    if rank < claim.rank:
        return verdict(claim, document, "rank-mismatch", used, ranking=ranking, detail="")
    detail = (
        f" The {format_magnitude(table.total.value, unit)} total leaves at most "
        f"{format_magnitude(missing, unit)} to unlisted entries, less than {name(subject)}'s figure."
    )
    if rival:
        return _overtook(claim, document, ranking, detail, used, evidence, table, subject, rival)
    return verdict(claim, document, "rank-supported", used, ranking=ranking, detail=detail)


def _overtook(claim, document, ranking, detail, used, evidence, table, subject, rival) -> Verdict:
    """"X overtook Y": X ahead of Y in the claimed period, Y ahead of X in the one before."""
    previous = previous_period(claim.period)
    before = _table(evidence, claim.metric.id, previous)
    unit = table.rows[subject].unit
    if rival not in table.values or subject not in before.values or rival not in before.values:
        return verdict(
            claim, document, "rank-incomplete", used, ranking=ranking,
            detail=f"{detail} The source lacks {name(rival)} or {name(subject)} for {previous.label}, so the overtaking cannot be checked.",
        )
    used += [before.rows[rival], before.rows[subject]]
    then = (f"In {previous.label} {name(rival)} {format_magnitude(before.values[rival], unit)} "
            f"vs {name(subject)} {format_magnitude(before.values[subject], unit)}")
    if before.values[rival] > before.values[subject] and table.values[subject] > table.values[rival]:
        return verdict(claim, document, "rank-supported", used, ranking=ranking, detail=f"{detail} {then}: {name(subject)} overtook {name(rival)}.")
    return verdict(claim, document, "rank-mismatch", used, ranking=ranking, detail=f"{detail} {then}: no overtaking.")


def _ranked_code(e: Evidence) -> str:
    return e.partner if e.partner is not None else e.place


@dataclass
class _Table:
    values: dict[str, float]
    rows: dict[str, Evidence]
    total: Evidence | None


def _table(evidence: Sequence[Evidence], series: str, period: Period) -> _Table:
    indicator = catalog.indicators()[series]
    rows = {
        _ranked_code(e): e
        for e in evidence
        if e.series == series and e.unit == indicator.unit and same_span(e.period, period)
    }
    total = rows.pop("WLD", None)
    # Only countries are ranked: regional and income-group rows would outrank them.
    rows = {c: e for c, e in rows.items() if is_country(c)}
    return _Table({c: e.value for c, e in rows.items()}, rows, total)
