"""The catalogue of verdict codes: each code has one status and a default level.

The level decides the exit code (`fail_on`); users may override it per code
later, so nothing else should hard-code which statuses fail a run."""

from __future__ import annotations

from dataclasses import dataclass

from .models import Level, Status, Verdict

LEVELS: tuple[Level, ...] = ("info", "suggestion", "warning", "error")


@dataclass(frozen=True)
class Code:
    code: str
    status: Status
    level: Level
    summary: str


CODES: dict[str, Code] = {
    c.code: c
    for c in (
        Code("supported", "supported", "info", "The source's figure lies within the claim's interval."),
        Code("rank-supported", "supported", "info", "The ranking holds among every entity the source holds for the period."),
        Code("value-mismatch", "contradicted", "error", "The source's figure for the same series, places and period lies outside the claim's interval."),
        Code("rank-mismatch", "contradicted", "error", "The source ranks the entity differently for the period."),
        Code("rank-incomplete", "unverifiable", "warning", "The source's table is incomplete and entries it lacks could change the rank."),
        Code("period-mismatch", "unverifiable", "warning", "The source holds the series, but not for the claim's period."),
        Code("not-checked", "unverifiable", "suggestion", "verifier extracts this kind of claim but does not judge it yet."),
        Code("no-metric", "unverifiable", "suggestion", "The claim's figure names no indicator any source serves."),
        Code("no-period", "unverifiable", "warning", "The claim states no period and none could be inferred."),
        Code("no-evidence", "unverifiable", "warning", "No configured source holds this series for these places."),
        Code("unit-mismatch", "unverifiable", "warning", "The source's unit cannot be compared with the claim's."),
        Code("source-unavailable", "unverifiable", "warning", "The source failed to answer."),
    )
}


def level_at_least(level: Level, threshold: Level) -> bool:
    return LEVELS.index(level) >= LEVELS.index(threshold)


def relevel(verdicts: list[Verdict], overrides: dict[str, Level]) -> list[Verdict]:
    """The verdicts with the levels a project configured per code (config `levels`)."""
    if not overrides:
        return verdicts
    return [v.model_copy(update={"level": overrides[v.code]}) if v.code in overrides else v for v in verdicts]
