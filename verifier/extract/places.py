"""Find places: country names (CLDR, every language babel knows), capitals
used as metonyms ("Moscou"), demonyms and adjectives ("douanes chinoises"),
and aggregates ("zone euro" -> EMU); not the ones inside a currency's name."""

from __future__ import annotations

import re
from functools import cache

from ..phrases import phrase_pattern
from . import currencies
from . import lexicon as lx
from .mentions import PlaceMention

_S = r"[\s\u00a0\u202f]+"


@cache
def _index(lang: str) -> tuple[lx.PhraseIndex, re.Pattern, re.Pattern | None, re.Pattern | None, re.Pattern | None]:
    lex = lx.load(lang)
    section = lex.data.get("places", {})
    articles = phrase_pattern(section.get("articles", []))
    excluding, benchmark, venue = section.get("excluding"), section.get("benchmark"), section.get("venue")
    # An article stays with the name ("la Chine"); l' has no space after it.
    # Currency names are looked up with the places, so that the longest match
    # takes "livre turque" or "Indian rupee" whole: a currency's name is no place.
    return (
        lx.PhraseIndex([*lex.places, *currencies.full_names(lang)], suffix=section.get("genitive", "")),
        re.compile(rf"({articles})(?:{_S}|(?<=['’]))\Z", re.I),
        re.compile(rf"(?:{phrase_pattern(excluding)})(?:{_S}|(?<=-))(?:(?:{articles}){_S}|(?<=['’]))?\Z", re.I) if excluding else None,
        re.compile(rf"(?:-|{_S})(?:[^\s\d]+{_S})?(?:{phrase_pattern(benchmark)})", re.I) if benchmark else None,
        re.compile(rf"(?:{phrase_pattern(venue)}){_S}\Z", re.I) if venue else None,
    )


# A dateline opens a paragraph with the city of filing: "BEIJING, Jan 13 (Reuters) -", "Brussels –",
# "Neu Delhi/Peking (dpa) -", "PÉKIN, 20 juin /TASS/.". The city the story was filed in is no subject of it.
_DATELINE = re.compile(
    r"(?m)^[ \t]*[A-ZÀ-Þ][\w'’.\-]*(?:[ /][A-ZÀ-Þ][\w'’.\-]*){0,3}"
    r"(?:[ \t]*\([^)\n]{1,30}\)[ \t]*(?:[–—-]|\.)|[ \t]+[–—-][ \t]|,[ \t]+(?:\d|[A-Za-zÀ-ÿ]{3,9}\.?[ \t]+\d))"
)


def find(text: str, lang: str) -> list[PlaceMention]:
    lex = lx.load(lang)
    index, article, excluding, benchmark, venue = _index(lang)
    datelines = [m.span() for m in _DATELINE.finditer(text)]
    found = []
    for start, end, key in index.finditer(text):
        if key not in lex.places:
            continue  # a currency: "la livre turque" is not Turkey
        code, kind = lex.places[key]
        written = text[start:end]
        if kind in ("name", "names", "capitals") and not written[0].isupper():
            continue  # proper nouns are capitalised; "china" the porcelain, "chad" the name are not places
        if kind == "acronyms" and not written.isupper():
            continue
        if excluding and excluding.search(text, max(0, start - 30), start):
            continue  # "hors Mayotte": the figure is about the rest
        setting = None
        if kind == "capitals" and any(a <= start < b for a, b in datelines):
            setting = "dateline"  # a dateline is a city; "Germany – Europe's largest economy – shrank" is no dateline
        elif kind == "capitals" and venue and venue.search(text, max(0, start - 6), start):
            setting = "venue"  # "in Peking veröffentlichten Zolldaten": where, not whose
        elif benchmark and benchmark.match(text, end):
            setting = "benchmark"  # "the U.S. benchmark", "der amerikanischen Sorte WTI"
        if a := article.search(text, max(0, start - 5), start):
            start = a.start()
        found.append(PlaceMention(start, end, text[start:end], code, kind, setting))
    return found


def subjects(found: list[PlaceMention]) -> list[PlaceMention]:
    """The places a figure may be about, not those that only set the scene (`PlaceMention.setting`)."""
    return [p for p in found if p.setting is None]


def dateline(text: str, lang: str, start: int = 0) -> PlaceMention | None:
    """The city a story was filed in, from the dateline of its first paragraph: "Berlin (dpa) - Der
    Bundestag hat…". Not a subject, but where a domestic story names no country, its country."""
    m = _DATELINE.match(text, start + len(text[start:]) - len(text[start:].lstrip()))
    if m is None:
        return None
    lex = lx.load(lang)
    for a, b, key in _index(lang)[0].finditer(text[: m.end()]):
        if a >= m.start() and key in lex.places and lex.places[key][1] == "capitals":
            return PlaceMention(a, b, text[a:b], *lex.places[key])
    return None

