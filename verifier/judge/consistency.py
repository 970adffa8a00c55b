"""Checks a document's figures against each other, needing no source: a
stated change against the two levels stated with it, parts (exports and
imports) against their stated total, a stated rank against the figures given
for the places ranked.

Each figure is read as the interval its digits allow, so rounding alone never
makes two figures inconsistent.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from .. import catalog
from ..extract import lexicon as lx
from ..geo import name
from ..models import Claim, Interval
from ..periods import comparable_periods
from ..phrases import SUPPORTED, phrase_pattern
from ..readable import format_interval, format_magnitude, ordinal
from ..tolerances import Settings
from .intervals import interval, overlaps


@dataclass(frozen=True)
class Finding:
    """Fields of an `inconsistent` message for one claim, and the claims it conflicts with."""

    claim: Claim
    stated: str
    others: str
    implied: str
    related: tuple[Claim, ...]


def _bounds(c: Claim) -> tuple[float, float]:
    q = c.quantity
    assert q is not None
    return q.value - q.precision, q.value + q.precision


def _key(c: Claim) -> tuple:
    places = tuple(sorted(p.code for p in c.places if p.role != "rival"))
    period = (c.period.start, c.period.end) if c.period else None
    return places, period


def _said(c: Claim) -> str:
    assert c.quantity is not None
    return format_magnitude(c.quantity.value, c.quantity.unit, signed=c.kind == "change")


def check(claims: Sequence[Claim], settings: Settings | None = None, lang: str | None = None) -> dict[str, Finding]:
    """Findings by claim id; `lang` is the document's language."""
    settings = settings or Settings()
    # A field read from earlier sentences is an inference; the text contradicts itself only in what it states.
    claims = [c for c in claims if not c.inherited]
    found: dict[str, Finding] = {}
    for f in [*_changes(claims, settings, lang), *_totals(claims, settings), *_rankings(claims)]:
        found.setdefault(f.claim.id, f)
    return found


@cache
def _from_level(lang: str | None) -> re.Pattern:
    """The words before a change's earlier level ("to $240bn from $190bn", "contre", "von"):
    `[changes] from_level` of the document's lexicon, or of every lexicon when its language is unknown."""
    langs = [lang] if lang else list(SUPPORTED)
    words = {w for code in langs for w in lx.load(code).data.get("changes", {}).get("from_level", [])}
    return re.compile(rf"(?:{phrase_pattern(words)})[\s\u00a0\u202f]+(?:\S+[\s\u00a0\u202f]+)?\Z", re.I)


def _before(c: Claim) -> str:
    """The words of its sentence just before the claim's figure."""
    at = c.sentence.find(c.text)
    return c.sentence[max(0, at - 25) : at] if at >= 0 else ""


def _changes(claims: Sequence[Claim], settings: Settings, lang: str | None = None):
    """"rose 50 % to 240 bn from 190 bn": the levels of the same metric in the
    same sentence give the change; the larger is the later for a rise."""
    for c in claims:
        if c.kind != "change" or not c.quantity or not c.metric or c.quantity.unit not in ("%", "pp"):
            continue
        levels = [
            a for a in claims
            if a.kind == "amount" and a.quantity and a.metric == c.metric and a.sentence == c.sentence
            and a.span.start != c.span.start and (c.quantity.unit != "pp" or a.quantity.unit == "%")
        ]
        if len(levels) != 2 or levels[0].quantity.unit != levels[1].quantity.unit:
            continue
        # Two levels of one change are figures for the same places: figures for other
        # places are other flows ("Russia's exports rose 12.7 % to 129 bn, while China sent 111 bn").
        if _key(levels[0])[0] != _key(levels[1])[0]:
            continue
        spans = [a.period for a in levels if a.period]
        if len(spans) == 2 and not comparable_periods(*spans):
            continue  # a year against seven months is no change
        rise = c.quantity.value >= 0
        later, earlier = sorted(levels, key=lambda a: a.quantity.value, reverse=rise)
        if c.quantity.unit == "%" and not 1 / 3 <= later.quantity.value / earlier.quantity.value <= 3:
            continue  # levels three times apart are two different figures, not the two ends of one change
        if not (later.period and earlier.period and later.period != earlier.period) and not _from_level(lang).search(_before(earlier)):
            continue  # two figures for one period are the ends of a change only when the text says "from" one of them
        (n_lo, n_hi), (b_lo, b_hi) = _bounds(later), _bounds(earlier)
        if c.quantity.unit == "%":
            if b_lo <= 0:
                continue
            low, high, implied = (n_lo / b_hi - 1) * 100, (n_hi / b_lo - 1) * 100, (later.quantity.value / earlier.quantity.value - 1) * 100
        else:
            low, high, implied = n_lo - b_hi, n_hi - b_lo, later.quantity.value - earlier.quantity.value
        window = interval(c, settings)
        if not overlaps(window, low, high):
            yield Finding(
                c,
                stated=f"The text gives a change of {_said(c)} ({format_interval(window, c.quantity.unit)}).",
                others=f"{_said(earlier)} and {_said(later)}",
                implied=f"{format_magnitude(implied, c.quantity.unit, signed=True)} "
                        f"({format_interval(Interval(low=low, high=high), c.quantity.unit)})",
                related=(earlier, later),
            )


def _totals(claims: Sequence[Claim], settings: Settings):
    """A stated total against its stated parts (exports + imports = trade)."""
    amounts = [a for a in claims if a.kind == "amount" and a.quantity and a.metric]
    for total in amounts:
        parts_of = catalog.indicators()[total.metric.id].parts
        if not parts_of:
            continue
        parts = []
        for part_id in parts_of:
            same = [a for a in amounts if a.metric.id == part_id and _key(a) == _key(total) and a.quantity.unit == total.quantity.unit]
            if len(same) != 1:
                break
            parts.append(same[0])
        else:
            low = sum(_bounds(p)[0] for p in parts)
            high = sum(_bounds(p)[1] for p in parts)
            window = interval(total, settings)
            if not overlaps(window, low, high):
                unit = total.quantity.unit
                yield Finding(
                    total,
                    stated=f"The text gives a total of {_said(total)} ({format_interval(window, unit)}).",
                    others=" and ".join(f"{p.metric.text} of {_said(p)}" for p in parts),
                    implied=f"{format_magnitude(sum(p.quantity.value for p in parts), unit)} together",
                    related=tuple(parts),
                )


def _rankings(claims: Sequence[Claim]):
    """A rank against the figures the text gives for the entities ranked:
    "Saudi Arabia, China's top supplier with 86 Mt, ahead of Russia's 107 Mt"."""
    for r in claims:
        if r.kind != "ranking" or not r.rank or not r.metric or not r.period:
            continue
        subject = next((p.code for p in r.places if p.role == "subject"), None)
        market = next((p.code for p in r.places if p.role == "counterpart"), None)
        figures: dict[str, Claim] = {}
        for a in claims:
            if a.kind != "amount" or not a.quantity or a.metric != r.metric or not a.period or (a.period.start, a.period.end) != (r.period.start, r.period.end):
                continue
            if a.sentence != r.sentence:
                continue
            ranked = [p.code for p in a.places if p.code != market]
            if len(ranked) == 1:
                figures.setdefault(ranked[0], a)
        if subject not in figures or len(figures) < 2:
            continue
        own_high = _bounds(figures[subject])[1]
        ahead = [code for code, a in figures.items() if code != subject and _bounds(a)[0] > own_high]
        if len(ahead) >= r.rank:
            yield Finding(
                r,
                stated=f"The text ranks {name(subject)} {ordinal(r.rank)} with {_said(figures[subject])}.",
                others=", ".join(f"{name(code)} {_said(figures[code])}" for code in ahead),
                implied=f"at best {ordinal(len(ahead) + 1)}",
                related=tuple(figures[c] for c in ahead),
            )
