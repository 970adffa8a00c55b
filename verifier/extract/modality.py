"""Whether a figure is stated as a fact: a target ("a goal of $200bn"), a
forecast ("is expected to reach"), a plan, a cap, a condition ("if") and a
negation ("did not reach") are not outcomes a source records, so no verdict
may set them against one.

The cue words are data (`[modality]` in each lexicon). A cue counts in the
figure's own clause before the figure, nearest first, or right after it ("a
$200bn target"); a phrase listed under `except` ("even if", "as expected")
holds a cue word but states no modality. A figure whose period lies after the
publication date is a forecast whatever its words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..phrases import normalize, phrase_pattern
from . import lexicon as lx
from .mentions import Mention

KINDS = ("target", "forecast", "plan", "cap", "conditional", "negated")
#: How far after a figure a cue may stand: one word at most, and no punctuation.
_AFTER = r"[\s\u00a0\u202f]+(?:[^\W\d]+[\s\u00a0\u202f]+)?"


@dataclass(frozen=True)
class Cue(Mention):
    kind: str  # one of KINDS


@dataclass(frozen=True)
class _Grammar:
    before: re.Pattern
    after: re.Pattern
    exceptions: re.Pattern
    kinds: dict[str, str]  # normalized phrase -> kind
    after_kinds: dict[str, str]


@cache
def _grammar(lang: str) -> _Grammar:
    section = lx.load(lang).data.get("modality", {})
    kinds = {normalize(p): kind for kind in KINDS for p in section.get(kind, [])}
    after = {normalize(p): kind for p, kind in section.get("after", {}).items()}
    return _Grammar(
        before=re.compile(f"({phrase_pattern(kinds)})", re.I),
        after=re.compile(f"{_AFTER}({phrase_pattern(after)})", re.I),
        exceptions=re.compile(phrase_pattern(section.get("except", [])), re.I),
        kinds=kinds,
        after_kinds=after,
    )


def find(text: str, lang: str, clause: tuple[int, int], start: int, end: int) -> Cue | None:
    """The cue that makes the figure at `start`..`end` no outcome, if its clause has one."""
    g = _grammar(lang)
    excepted = [m.span() for m in g.exceptions.finditer(text, clause[0], min(clause[1], end + 40))]

    def free(m: re.Match) -> bool:
        return not any(a <= m.start(1) < b for a, b in excepted)

    before = [m for m in g.before.finditer(text, clause[0], start) if free(m)]
    if before:
        m = before[-1]
        return Cue(m.start(1), m.end(1), m.group(1), g.kinds[normalize(m.group(1))])
    m = g.after.match(text, end, clause[1])
    if m and free(m):
        return Cue(m.start(1), m.end(1), m.group(1), g.after_kinds[normalize(m.group(1))])
    return None
