"""Attribution -> route: which source a claim's text names ("selon les douanes
chinoises", "according to Eurostat"), and whose national statistics it cites.

The names are data: each source definition lists the `publisher_aliases` a
text may use for it (and a snapshot table for its own publisher), in every
supported language. The matcher stage uses the route to ask the named source
first, the judge to weigh its evidence first, and the verdict message says
which source the text named and whether its figures were used.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from ..geo import is_country
from ..models import Claim
from ..phrases import SUPPORTED, normalize, phrase_pattern
from ..sources import SourceDef


@dataclass(frozen=True)
class Route:
    attribution: str  # as the text writes it
    cited: tuple[str, ...] = ()  # the named sources, as messages call them ("GACC"), in the text's order
    serving: tuple[str, ...] = ()  # ids of the run's sources that are the named one and serve the claim's indicator
    disabled: tuple[str, ...] = ()  # ids of defined sources that are the named one and serve it, but that this run does not use
    idle: tuple[str, ...] = ()  # ids of sources (used or not) that are the named one but do not serve the indicator
    reporter: str | None = None  # the country whose own statistics the text cites ("données chinoises": CHN)


def route(claim: Claim, sources: Iterable[SourceDef], defined: Iterable[SourceDef] = ()) -> Route | None:
    """Where the claim's attribution points, among the run's `sources` and
    every `defined` one; None when the text attributes the figure to no one."""
    if not claim.attribution:
        return None
    sources = list(sources)
    used = {s.id for s in sources}
    pool = sources + [s for s in defined if s.id not in used]
    aliases = {_key(a): s for s in pool for a in s.aliases_for()}
    cited = _cited(claim.attribution, frozenset(aliases))
    keys = {key for key, _ in cited}
    indicator = claim.metric.id if claim.metric else None

    def named(s: SourceDef, indicator: str | None) -> bool:
        return bool(keys & {_key(a) for a in s.aliases_for(indicator)})

    serves = [s for s in pool if indicator in s.indicators and named(s, indicator)]
    return Route(
        attribution=claim.attribution,
        cited=tuple(dict.fromkeys(_display(pool, key) for key, _ in cited)),
        serving=tuple(s.id for s in serves if s.id in used),
        disabled=tuple(s.id for s in serves if s.id not in used),
        idle=tuple(s.id for s in pool if s not in serves and named(s, None)),
        reporter=_country(claim.attribution),
    )


def reporter(claim: Claim) -> str | None:
    """Whose statistics a bilateral claim is read from: the country its
    attribution names when that is one of the claim's places ("according to
    Russian customs"), else the first place it names ("China's exports to
    Russia": China's own record)."""
    codes = [p.code for p in claim.places if p.role != "rival"]
    cited = _country(claim.attribution) if claim.attribution else None
    if cited and cited in codes[:2]:
        return cited
    return codes[0] if codes else None


def cited_reporter(claim: Claim) -> str | None:
    """The claim's reporter when its attribution, not just word order, says so."""
    found = reporter(claim)
    return found if found and claim.attribution and _country(claim.attribution) == found else None


def _key(alias: str) -> str:
    return normalize(alias)


@cache
def _pattern(aliases: frozenset[str]) -> re.Pattern:
    return re.compile(phrase_pattern(aliases), re.I)


def _cited(attribution: str, aliases: frozenset[str]) -> list[tuple[str, str]]:
    """(alias key, as written) of each source name in the attribution, the longest at each place."""
    if not aliases:
        return []
    found = ((_key(m.group()), m.group()) for m in _pattern(aliases).finditer(attribution))
    return [(key, written) for key, written in found if key in aliases]


def _display(pool: list[SourceDef], key: str) -> str:
    """How messages call the source an alias stands for: the first alias of
    the list that holds it (a table's list before its source's)."""
    for s in pool:
        for aliases in [ds.publisher_aliases for ds in s.datasets.values()] + [s.publisher_aliases]:
            if key in {_key(a) for a in aliases}:
                return aliases[0]
    return key


@cache
def _country(text: str) -> str | None:
    """The first country an attribution names by name or adjective ("douanes
    chinoises", "Russian customs", "U.S. data"), in any supported language.
    Aggregates are no reporter: "World Bank" does not cite the world's statistics."""
    from ..extract.places import find

    found = sorted(
        (m.start, m.code)
        for lang in SUPPORTED
        for m in find(text, lang)
        if m.kind in ("names", "name", "adjectives", "acronyms") and is_country(m.code)
    )
    return found[0][1] if found else None
