"""Find the words that make a figure a change: a verb or noun of direction
("rose", "a reculé", "stieg", "una caída de") and multipliers ("doubled",
"a été divisé par deux"), which are changes on their own (+100 %, -50 %)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..phrases import normalize, phrase_pattern
from . import lexicon as lx
from .mentions import Mention

# Blotted-out periods (NUL, see mentions.mask) may stand between a verb and its
# figure: "stiegen im vergangenen Jahr um 4,1 Prozent".
_GAP = r"[\s\u00a0\u202f\x00]"
_S = _GAP + "+"
_FIGURE = re.compile(r"\d")


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
    down: frozenset[str]
    percent: dict[str, float]
    link_by: re.Pattern
    link_to: re.Pattern
    by_last: re.Pattern
    from_last: re.Pattern
    base_last: re.Pattern
    mark_last: re.Pattern  # "die Marke von": a threshold, whose "von" is no base
    gap_to: re.Pattern
    gap_from: re.Pattern
    echo: re.Pattern
    than_next: re.Pattern
    time_next: re.Pattern
    trailing: re.Pattern
    verb_last: bool
    to_first: re.Pattern
    basis: re.Pattern
    basis_unit: dict[str, str]  # "quarter-on-quarter" -> "quarter"; absent: "year"
    earlier: frozenset[str]  # "a year earlier": a time reference, not a change basis
    multiples: re.Pattern
    multiple_percent: dict[str, float]
    more: re.Pattern
    beyond: re.Pattern  # verbs that compare with a target: "beat forecasts by $1.5bn", "dépassant de 160 000 b/j son quota"
    short_of: frozenset[str]
    less: re.Pattern


@cache
def grammar(lang: str) -> _Grammar:
    section = lx.load(lang).data.get("changes", {})
    up, down = section.get("up", []), section.get("down", [])
    bases = section.get("basis", []) + section.get("basis_quarter", []) + section.get("basis_month", []) + section.get("earlier", [])
    multipliers = lx.normalize_keys(section.get("multipliers", {}))
    comparisons = lx.load(lang).data.get("comparisons", {})
    multiples = lx.normalize_keys(comparisons.get("multiples", {}))
    return _Grammar(
        multiples=re.compile(f"({phrase_pattern(multiples)})", re.I),
        multiple_percent=multiples,
        # phrase_pattern bounds each word itself; "de plus qu'" ends on an apostrophe.
        more=re.compile(rf"{_GAP}*(?:{phrase_pattern(comparisons.get('more', []))})", re.I),
        less=re.compile(rf"{_GAP}*(?:{phrase_pattern(comparisons.get('less', []))})", re.I),
        beyond=re.compile(f"({phrase_pattern(comparisons.get('beyond', []) + comparisons.get('short_of', []))})", re.I),
        short_of=frozenset(normalize(w) for w in comparisons.get("short_of", [])),
        # Neutral phrases are matched only so that their direction word is not ("made up 30%").
        words=re.compile(f"({phrase_pattern(up + down + section.get('neutral', []))})", re.I),
        multipliers=re.compile(f"({phrase_pattern(multipliers)})", re.I),
        up=frozenset(normalize(w) for w in up),
        down=frozenset(normalize(w) for w in down),
        percent=multipliers,
        # What may stand between the verb and its figure: an adverb or two, then
        # the "by" word (a change) or the "to" word (a new level, not a change).
        link_by=re.compile(
            rf"(?:{_S}(?!{phrase_pattern(section.get('stop', []))})[^\W\d]+){{0,2}}?(?:{_S}(?:{phrase_pattern(section.get('marks', [])) or '(?!)'}))?"
            rf"(?:{_S}(?:{phrase_pattern(section.get('by', []))}))?{_GAP}*\Z",
            re.I,
        ),
        link_to=re.compile(rf"(?:{phrase_pattern(section.get('to', []))}){_GAP}*\Z", re.I),
        # A "from" word that is not also the "by" word (French "de" is both).
        mark_last=re.compile(rf"(?:{phrase_pattern(section.get('marks', [])) or '(?!)'}){_GAP}*\Z", re.I),
        base_last=re.compile(rf"(?:{phrase_pattern(set(section.get('from', [])) - set(section.get('by', [])))}){_GAP}*\Z", re.I),
        from_last=re.compile(rf"(?:{phrase_pattern(section.get('from', []))}){_GAP}*\Z", re.I),
        # Between the two figures of "from X (in April) to Y" and of "to Y (in May) from X".
        gap_to=re.compile(rf"[\s\x00,]*(?:[^\W\d]+[\s\x00,]+){{0,3}}?(?:{phrase_pattern(section.get('to', []))}){_GAP}*", re.I),
        gap_from=re.compile(rf"[\s\x00,]*(?:[^\W\d]+[\s\x00,]+){{0,3}}?(?:{phrase_pattern(section.get('from', []))}){_GAP}*", re.I),
        # After the word, an article or a listed adverb: "après 2,5 %", "contre seulement 1 %".
        echo=re.compile(
            rf"[\s\x00,]*(?:[^\W\d]+[\s\x00,]+){{0,4}}?(?:{phrase_pattern(section.get('echo', []))}){_GAP}*"
            rf"(?:(?:{phrase_pattern(section.get('echo_adverbs', [])) or '(?!)'}){_S})?(?:[^\W\d]{{1,3}}{_S})?",
            re.I,
        ),
        # What a comparison is made with, when it is an earlier time ("23 % menos que un año antes").
        time_next=re.compile(rf"{_GAP}*(?:[^\W\d]{{1,5}}{_S}){{0,2}}(?:\x00|{phrase_pattern(bases)})", re.I),
        than_next=re.compile(rf"{_GAP}*(?:{phrase_pattern(lx.load(lang).data.get('ranking', {}).get('than', []))})", re.I),
        by_last=re.compile(rf"(?:{phrase_pattern(section.get('by', []))}){_GAP}*\Z", re.I),
        # Between a figure and a verb that comes after it: "um 12 Prozent gesenkt".
        trailing=re.compile(rf"(?:{_S}[^\W\d]+){{0,3}}{_S}", re.I),
        verb_last=bool(section.get("verb_last", False)),
        to_first=re.compile(rf"(?:{phrase_pattern(section.get('to', []))}){_S}", re.I),
        basis=re.compile(f"({phrase_pattern(bases)})", re.I),
        basis_unit={normalize(b): unit for unit in ("quarter", "month") for b in section.get(f"basis_{unit}", [])},
        earlier=frozenset(normalize(b) for b in section.get("earlier", [])),
    )


def find(text: str, lang: str) -> list[ChangeMention]:
    g = grammar(lang)
    found = [
        ChangeMention(m.start(), m.end(), m.group(), 1 if normalize(m.group()) in g.up else -1)
        for m in g.words.finditer(text)
        if normalize(m.group()) in g.up or normalize(m.group()) in g.down
    ]
    for m in g.beyond.finditer(text):
        direction = -1 if normalize(m.group()) in g.short_of else 1
        found.append(ChangeMention(m.start(), m.end(), m.group(), direction, comparison=True))
    for m in g.multipliers.finditer(text):
        percent = g.percent[normalize(m.group())]
        found.append(ChangeMention(m.start(), m.end(), m.group(), 1 if percent > 0 else -1, percent))
    multipliers = [(c.start, c.end) for c in found if c.multiplier is not None]
    for m in g.multiples.finditer(text):
        if any(s <= m.start() < e for s, e in multipliers):
            continue  # "la mitad" in "se redujeron a la mitad"
        percent = g.multiple_percent[normalize(m.group())]
        found.append(ChangeMention(m.start(), m.end(), m.group(), 1 if percent > 0 else -1, percent, comparison=True))
    return sorted(found, key=lambda c: c.start)


def compared(text: str, lang: str, end: int) -> tuple[int, bool]:
    """(+1 or -1, over_time) when the figure ending at `end` is a difference
    from something else ("10 TWh de plus que", "£6.7bn below forecasts"),
    else (0, False). over_time says the something is an earlier time ("un 23
    % menos que un año antes", "6,4 Prozent weniger als im Vorjahr"): a change."""
    g = grammar(lang)
    for direction, pattern in ((1, g.more), (-1, g.less)):
        if m := pattern.match(text, end):
            return direction, g.time_next.match(text, m.end()) is not None
    return 0, False


def echoes(text: str, lang: str, previous: Mention, figure: Mention) -> bool:
    """Whether `figure` restates or parallels the figure before it and so
    shares its kind: "fell $2.76, or 3.8%", "0,9 % en 2023, après 2,5 % en 2022"."""
    return grammar(lang).echo.fullmatch(text, previous.end, figure.start) is not None


@dataclass(frozen=True)
class BasisMention(Mention):
    unit: str  # "year", "quarter" or "month": what the change is measured against
    marks_change: bool = True  # "year-on-year" makes a figure a change; "a year earlier" does not


def bases(text: str, lang: str) -> list[BasisMention]:
    """What changes are measured against ("sur un an", "year-on-year"), to be
    blotted out before quantities are read: "un an" there is no duration."""
    g = grammar(lang)
    # "un an plus tôt que prévu" measures a lead, not a base: it stays a figure.
    return [
        BasisMention(
            m.start(), m.end(), m.group(), g.basis_unit.get(normalize(m.group()), "year"), normalize(m.group()) not in g.earlier
        )
        for m in g.basis.finditer(text)
        if not g.than_next.match(text, m.end())
    ]


def governing(text: str, lang: str, changes: list[ChangeMention], figure: Mention, floor: int, ceiling: int) -> ChangeMention | None:
    """See `_governing`; a verb that adds only a rate ("el Ibex sumó un 1,5 %") totals a level
    ("el comercio sumó 240.110 millones"): listed under `rate_only`, it governs only % and points."""
    found = _governing(text, lang, changes, figure, floor, ceiling)
    quantity = getattr(figure, "quantity", None)
    if found is not None and quantity is not None and quantity.unit not in ("%", "pp") and normalize(found.text) in _rate_only(lang):
        return None
    return found


@cache
def _rate_only(lang: str) -> frozenset[str]:
    return frozenset(normalize(w) for w in lx.load(lang).data.get("changes", {}).get("rate_only", []))


def _governing(text: str, lang: str, changes: list[ChangeMention], figure: Mention, floor: int, ceiling: int) -> ChangeMention | None:
    """The change word that makes `figure` a change, if any, within its clause
    [floor, ceiling): the last one before it with nothing but an adverb or two
    and the "by" word between ("rose sharply by 5 %"); or, when the "by" word
    stands right before the figure, a change word further back or, in German,
    after it ("stiegen im Jahresvergleich um 8 %", "um 12 Prozent gesenkt").
    Never the "to" word of a new level ("cayeron hasta 20.200 millones")."""
    g = grammar(lang)
    if level(text, lang, figure):
        return None
    before = [c for c in changes if floor <= c.start and c.end <= figure.start and c.multiplier is None]
    threshold = g.mark_last.search(text, max(floor, figure.start - 40), figure.start)
    if not threshold and (base := g.base_last.search(text, max(floor, figure.start - 12), figure.start)) and (
        not before or base.start() >= before[-1].end
    ):
        return None  # "up from 66,780": the level it rose from
    if before and g.link_by.fullmatch(text, before[-1].end, figure.start):
        return before[-1]
    before = [c for c in before if not c.comparison]  # "a dépassé Riyad ..., avec des livraisons de 2,14 millions"
    after = next((c for c in changes if figure.end <= c.start < ceiling and c.multiplier is None), None)
    quantity = getattr(figure, "quantity", None)
    rate = quantity is None or quantity.unit in ("%", "pp")
    if after and rate and not text[figure.end : after.start].strip():
        # "5 % en hausse", "3% up on the year"; an amount before a verb is its subject: "$80 oil lifted revenue".
        return after
    by = g.by_last.search(text, max(floor, figure.start - 12), figure.start)
    if by and before and not _FIGURE.search(text, before[-1].end, figure.start):
        return before[-1]
    if after and (by or g.verb_last) and g.trailing.fullmatch(text, figure.end, after.start):
        return after  # "um 12 Prozent gesenkt", "hat 8 Prozent zugelegt"
    return None


def by_before(text: str, lang: str, figure: Mention) -> bool:
    """Whether the "by" word stands right before the figure ("beat forecasts BY $1.5bn")."""
    return grammar(lang).by_last.search(text, max(0, figure.start - 12), figure.start) is not None


def level(text: str, lang: str, figure: Mention) -> bool:
    """Whether the figure is a new level, introduced by the "to" word ("a
    reculé à 4,3 %", "rose to $89.54"), and so no change even beside one."""
    g = grammar(lang)
    return bool(g.link_to.search(text, max(0, figure.start - 25), figure.start) or g.to_first.match(figure.text))


def from_to(text: str, lang: str, figures: list[Mention]) -> list[tuple[int, int]]:
    """Pairs (i, j) of figures that state a change as two levels, from
    figures[i] to figures[j]: "passées de 15,7 à 22,4 millions", "from 2.4% in
    April to 2.6%", and reversed, "rose to 2.6% in May from 2.4% in April"."""
    g = grammar(lang)
    pairs: list[tuple[int, int]] = []
    for i, (a, b) in enumerate(zip(figures, figures[1:])):
        if pairs and i in pairs[-1]:
            continue  # each figure is one end of one change: "to 0.3% from 0.6% in 2024 and to 1.1% from 1.2%"
        if g.from_last.search(text, max(0, a.start - 12), a.start) and g.gap_to.fullmatch(text, a.end, b.start):
            pairs.append((i, i + 1))
        elif g.link_to.search(text, max(0, a.start - 12), a.start) and g.gap_from.fullmatch(text, a.end, b.start):
            pairs.append((i + 1, i))
    return pairs
