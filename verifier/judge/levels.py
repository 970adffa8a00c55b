"""A verdict's level, and whether it fails a run.

Each code has a default level (`verifier.codes`); a project may change it per
code (config `levels`). Nothing else decides which verdicts fail a run.
"""

from __future__ import annotations

from ..codes import LEVELS
from ..models import Level, Verdict


def level_at_least(level: Level, threshold: Level) -> bool:
    return LEVELS.index(level) >= LEVELS.index(threshold)


def fails(verdict: Verdict, fail_on: str) -> bool:
    """Whether `verdict` fails a run at `fail_on` (a level, or "never"): at or
    above it, not ignored by an editor's directive, and not a finding the
    baseline already holds."""
    return (
        fail_on != "never"
        and verdict.ignored is None
        and verdict.baseline != "unchanged"
        and level_at_least(verdict.level, fail_on)
    )


def relevel(verdicts: list[Verdict], overrides: dict[str, Level]) -> list[Verdict]:
    """The verdicts with the levels a project configured per code (config `levels`)."""
    if not overrides:
        return verdicts
    return [v.model_copy(update={"level": overrides[v.code]}) if v.code in overrides else v for v in verdicts]
