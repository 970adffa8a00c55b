"""Find places: country names (CLDR, every language babel knows), capitals
used as metonyms ("Moscou"), demonyms and adjectives ("douanes chinoises"),
and aggregates ("zone euro" -> EMU)."""

from __future__ import annotations

import re
from functools import cache

from . import lexicon as lx
from .mentions import PlaceMention

_S = r"[\s\u00a0\u202f]+"


@cache
def _pattern(lang: str) -> tuple[re.Pattern, re.Pattern]:
    lex = lx.load(lang)
    articles = lx.phrase_pattern(lex.data.get("places", {}).get("articles", []))
    names = lx.phrase_pattern(lex.places)
    if genitive := lex.data.get("places", {}).get("genitive"):
        # The suffix belongs to the mention, not to the name looked up.
        names = names.replace(r"(?![\w])", rf"(?:{re.escape(genitive)})?(?![\w])")
    # An article stays with the name ("la Chine"); l' has no space after it.
    return (
        re.compile(f"({names})", re.I),
        re.compile(rf"({articles})(?:{_S}|(?<=['’]))\Z", re.I),
    )


def find(text: str, lang: str) -> list[PlaceMention]:
    lex = lx.load(lang)
    names, article = _pattern(lang)
    found = []
    for m in names.finditer(text):
        code, kind = _lookup(lex, m.group(1))
        if kind in ("name", "capitals") and not m.group(1)[0].isupper():
            continue  # proper nouns are capitalised; "china" the porcelain, "chad" the name are not places
        if kind == "acronyms" and not m.group(1).isupper():
            continue
        start = m.start()
        if a := article.search(text, max(0, start - 5), start):
            start = a.start()
        found.append(PlaceMention(start, m.end(), text[start : m.end()], code, kind))
    return found


def _lookup(lex, text: str) -> tuple[str, str]:
    key = lx.normalize(text)
    genitive = lex.data.get("places", {}).get("genitive")
    if key not in lex.places and genitive and key.endswith(genitive):
        key = key[: -len(genitive)]
    return lex.places[key]
