"""Find the words that make a figure a change: a verb or noun of direction
("rose", "a reculé", "stieg", "una caída de") and multipliers ("doubled",
"a été divisé par deux"), which are changes on their own (+100 %, -50 %)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from . import lexicon as lx
from .mentions import Mention

# Blotted-out periods (NUL, see mentions.mask) may stand between a verb and its
# figure: "stiegen im vergangenen Jahr um 4,1 Prozent".
_GAP = r"[\s\u00a0\u202f\x00]"
_S = _GAP + "+"


@dataclass(frozen=True)
class ChangeMention(Mention):
    direction: int  # +1 up, -1 down
    multiplier: float | None = None  # the change in percent a multiplier word states by itself
    comparison: bool = False  # a multiple of something else ("twice as much as"), not a change over time


@dataclass(frozen=True)
class _Grammar:
    words: re.Pattern
    multipliers: re.Pattern
    up: frozenset[str]
    percent: dict[str, float]
    link_by: re.Pattern
    link_to: re.Pattern
    to_first: re.Pattern
    basis: re.Pattern
    multiples: re.Pattern
    multiple_percent: dict[str, float]
    more: re.Pattern
    less: re.Pattern


@cache
def grammar(lang: str) -> _Grammar:
    section = lx.load(lang).data.get("changes", {})
    up, down = section.get("up", []), section.get("down", [])
    multipliers = lx.normalize_keys(section.get("multipliers", {}))
    comparisons = lx.load(lang).data.get("comparisons", {})
    multiples = lx.normalize_keys(comparisons.get("multiples", {}))
    return _Grammar(
        multiples=re.compile(f"({lx.phrase_pattern(multiples)})", re.I),
        multiple_percent=multiples,
        more=re.compile(rf"{_GAP}*(?:{lx.phrase_pattern(comparisons.get('more', []))})(?!\w)", re.I),
        less=re.compile(rf"{_GAP}*(?:{lx.phrase_pattern(comparisons.get('less', []))})(?!\w)", re.I),
        words=re.compile(f"({lx.phrase_pattern(up + down)})", re.I),
        multipliers=re.compile(f"({lx.phrase_pattern(multipliers)})", re.I),
        up=frozenset(lx.normalize(w) for w in up),
        percent=multipliers,
        # What may stand between the verb and its figure: an adverb or two, then
        # the "by" word (a change) or the "to" word (a new level, not a change).
        link_by=re.compile(rf"(?:{_S}[^\W\d]+){{0,2}}?(?:{_S}(?:{lx.phrase_pattern(section.get('by', []))}))?{_GAP}*\Z", re.I),
        link_to=re.compile(rf"(?:{lx.phrase_pattern(section.get('to', []))}){_GAP}*\Z", re.I),
        to_first=re.compile(rf"(?:{lx.phrase_pattern(section.get('to', []))}){_S}", re.I),
        basis=re.compile(f"({lx.phrase_pattern(section.get('basis', []))})", re.I),
    )


def find(text: str, lang: str) -> list[ChangeMention]:
    g = grammar(lang)
    found = [
        ChangeMention(m.start(), m.end(), m.group(), 1 if lx.normalize(m.group()) in g.up else -1)
        for m in g.words.finditer(text)
    ]
    for m in g.multipliers.finditer(text):
        percent = g.percent[lx.normalize(m.group())]
        found.append(ChangeMention(m.start(), m.end(), m.group(), 1 if percent > 0 else -1, percent))
    for m in g.multiples.finditer(text):
        percent = g.multiple_percent[lx.normalize(m.group())]
        found.append(ChangeMention(m.start(), m.end(), m.group(), 1 if percent > 0 else -1, percent, comparison=True))
    return sorted(found, key=lambda c: c.start)


def compared(text: str, lang: str, end: int) -> int:
    """+1 or -1 when the figure ending at `end` is a difference from something
    else ("10 TWh de plus que", "£6.7bn below forecasts"), else 0."""
    g = grammar(lang)
    if g.more.match(text, end):
        return 1
    if g.less.match(text, end):
        return -1
    return 0


def bases(text: str, lang: str) -> list[Mention]:
    """What changes are measured against ("sur un an", "year-on-year"), to be
    blotted out before quantities are read: "un an" there is no duration."""
    return [Mention(m.start(), m.end(), m.group()) for m in grammar(lang).basis.finditer(text)]


def governing(text: str, lang: str, changes: list[ChangeMention], figure: Mention, floor: int) -> ChangeMention | None:
    """The change word that makes `figure` a change, if any: the last one
    before it (after `floor`, the clause start) with nothing but an adverb
    and the "by" word between, and not the "to" word of a new level (which
    the figure's own hedge may carry: "cayeron hasta 20.200 millones")."""
    g = grammar(lang)
    for c in reversed([c for c in changes if floor <= c.start and c.end <= figure.start and c.multiplier is None]):
        between = text[c.end : figure.start]
        if g.link_to.search(between) or g.to_first.match(figure.text):
            return None
        if g.link_by.fullmatch(between):
            return c
        return None
    return None
