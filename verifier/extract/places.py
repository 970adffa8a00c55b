"""Find places: country names (CLDR, every language babel knows), capitals
used as metonyms ("Moscou"), demonyms and adjectives ("douanes chinoises"),
and aggregates ("zone euro" -> EMU); not the ones inside a currency's name."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..phrases import phrase_pattern
from . import currencies, datelines
from . import lexicon as lx
from .mentions import PlaceMention

_S = r"[\s\u00a0\u202f]+"


@dataclass(frozen=True)
class _Grammar:
    index: lx.PhraseIndex  # every place name, and the currency names that contain one
    article: re.Pattern  # "la" in "la Chine"
    excluding: re.Pattern  # "hors" in "hors Mayotte": the place is left out
    benchmark: re.Pattern  # " benchmark" after "the U.S.": a price's name
    venue: re.Pattern  # "in" before a capital: where, not whose
    standard: re.Pattern  # "au niveau" before "européen": the level a definition is harmonised at, no subject
    event: re.Pattern  # "the war in" before "Ukraine": an event's name, no subject
    event_after: re.Pattern  # "invasion" after "Russia's", "Angriffskriegs" after "russischen": the event's party, no subject


@cache
def _grammar(lang: str) -> _Grammar:
    lex = lx.load(lang)
    section = lex.data.get("places", {})
    articles = phrase_pattern(section.get("articles", []))
    words = lambda key: phrase_pattern(section.get(key, [])) or "(?!)"  # noqa: E731
    # An article stays with the name ("la Chine"); l' has no space after it.
    # Currency names are looked up with the places, so that the longest match
    # takes "livre turque" or "Indian rupee" whole: a currency's name is no place.
    return _Grammar(
        index=lx.PhraseIndex([*lex.places, *currencies.full_names(lang)], suffix=section.get("genitive", "")),
        article=re.compile(rf"({articles})(?:{_S}|(?<=['’]))\Z", re.I),
        excluding=re.compile(rf"(?:{words('excluding')})(?:{_S}|(?<=-))(?:(?:{articles}){_S}|(?<=['’]))?\Z", re.I),
        benchmark=re.compile(rf"(?:-|{_S})(?:[^\s\d]+{_S})?(?:{words('benchmark')})", re.I),
        venue=re.compile(rf"(?:{words('venue')}){_S}\Z", re.I),
        standard=re.compile(rf"(?:{words('standard')})(?:{_S}|(?<=['’]))\Z", re.I),
        # An article between ("gegen die"), or the first party of a hyphened pair ("le conflit russo-ukrainien").
        event=re.compile(rf"(?:{words('event')})(?:{_S}[^\W\d]{{1,4}}|{_S}[^\W\d]+-)?(?:{_S}|['’]|(?<=['’])|(?<=-))\Z", re.I),
        # "Russia's invasion", and the first party of a pair: "the Russia-Ukraine war".
        event_after=re.compile(rf"(?:-[^\W\d]+)?(?:['’]s)?{_S}(?:{words('event_after')})", re.I),
    )


def find(text: str, lang: str) -> list[PlaceMention]:
    lex = lx.load(lang)
    g = _grammar(lang)
    filed = datelines.spans(text)
    found = []
    for start, end, key in g.index.finditer(text):
        if key not in lex.places:
            continue  # a currency: "la livre turque" is not Turkey
        code, kind = lex.places[key]
        written = text[start:end]
        if kind in ("name", "names", "capitals") and not written[0].isupper():
            continue  # proper nouns are capitalised; "china" the porcelain, "chad" the name are not places
        if kind == "acronyms" and not written.isupper():
            continue
        if g.excluding.search(text, max(0, start - 30), start):
            continue  # "hors Mayotte": the figure is about the rest
        setting = None
        if kind == "capitals" and any(a <= start < b for a, b in filed):
            setting = "dateline"  # a dateline is a city; "Germany – Europe's largest economy – shrank" is no dateline
        elif kind == "capitals" and g.venue.search(text, max(0, start - 6), start):
            setting = "venue"  # "in Peking veröffentlichten Zolldaten": where, not whose
        elif g.standard.search(text, max(0, start - 25), start):
            setting = "standard"  # "harmonisé au niveau européen": a definition's level, not whose figure
        elif g.event.search(text, max(0, start - 30), start) or g.event_after.match(text, end):
            setting = "event"  # "amid the war in Ukraine": an event's name, not whose figure
        elif g.benchmark.match(text, end):
            setting = "benchmark"  # "the U.S. benchmark", "der amerikanischen Sorte WTI"
        if a := g.article.search(text, max(0, start - 5), start):
            start = a.start()
        found.append(PlaceMention(start, end, text[start:end], code, kind, setting))
    return found


def subjects(found: list[PlaceMention]) -> list[PlaceMention]:
    """The places a figure may be about, not those that only set the scene (`PlaceMention.setting`)."""
    return [p for p in found if p.setting is None]


def dateline(text: str, lang: str, start: int = 0) -> PlaceMention | None:
    """The city a story was filed in, from the dateline of its first paragraph: "Berlin (dpa) - Der
    Bundestag hat…". Not a subject, but where a domestic story names no country, its country."""
    if (span := datelines.first(text, start)) is None:
        return None
    lex = lx.load(lang)
    for a, b, key in _grammar(lang).index.finditer(text[: span[1]]):
        if a >= span[0] and key in lex.places and lex.places[key][1] == "capitals":
            return PlaceMention(a, b, text[a:b], *lex.places[key])
    return None

