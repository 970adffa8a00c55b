"""Find the indicator a sentence talks about, from the catalogue's multilingual aliases."""

from __future__ import annotations

import re
from functools import cache

from .. import catalog
from ..phrases import normalize, phrase_pattern
from .mentions import MetricMention


@cache
def _pattern(lang: str) -> tuple[re.Pattern, dict[str, tuple[str, str | None, int | None]]]:
    phrases: dict[str, tuple[str, str | None, int | None]] = {}
    for indicator in catalog.indicators().values():
        for alias in indicator.aliases.get(lang, []):
            phrases.setdefault(normalize(alias), (indicator.id, None, None))
        for alias in indicator.supplier_aliases.get(lang, []):
            phrases[normalize(alias)] = (indicator.id, indicator.supplier_subject, None)
        for alias in indicator.superlatives.get(lang, []):
            phrases[normalize(alias)] = (indicator.id, None, 1)
    return re.compile(f"({phrase_pattern(phrases)})", re.I), phrases


#: Words after which an alias's head may take an adjective: "importations [chinoises] de pétrole brut".
_LINKS = frozenset({"de", "du", "des", "of", "del"})  # and any "d'…": "importations [chinoises] d'or noir"


@cache
def _gapped(lang: str) -> tuple[re.Pattern | None, dict[str, str]]:
    """Aliases "head + de + rest" with one word (a demonym, "totales", "record") after the head."""
    _, phrases = _pattern(lang)
    table = {}
    for phrase, (indicator, subject, rank) in phrases.items():
        words = phrase.split(" ")
        if len(words) >= 3 and subject is None and rank is None and (words[1] in _LINKS or words[1].startswith("d'")):
            table[phrase] = indicator
    if not table:
        return None, {}
    alternatives = "|".join(
        rf"{re.escape(p.split(' ', 1)[0])}[\s\u00a0]+[^\W\d]+[\s\u00a0]+{re.escape(p.split(' ', 1)[1])}" for p in sorted(table, key=len, reverse=True)
    )
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.I), table


@cache
def _verb_objects(lang: str) -> list[tuple[str, re.Pattern, re.Pattern]]:
    return [
        (i.id, re.compile(phrase_pattern(i.verbs[lang]), re.I), re.compile(phrase_pattern(i.objects[lang]), re.I))
        for i in catalog.indicators().values()
        if i.verbs.get(lang) and i.objects.get(lang)
    ]


# A verb reaches its object across the figure, not across a sentence or a semicolon.
_VERB_REACH = 80
_BREAK = re.compile(r"[.;!?][\s\u00a0]+\S")


def find(text: str, lang: str) -> list[MetricMention]:
    pattern, phrases = _pattern(lang)
    found = []
    for m in pattern.finditer(text):
        indicator, subject, rank = phrases[normalize(m.group(1))]
        found.append(MetricMention(m.start(), m.end(), m.group(), indicator, subject, rank))
    gapped, table = _gapped(lang)
    for m in gapped.finditer(text) if gapped else ():
        words = normalize(m.group()).split(" ")
        key = " ".join([words[0], *words[2:]])
        if key in table and not any(f.start <= m.start() < f.end and f.end >= m.end() for f in found):
            # Longer than the head alone ("importations" is trade): it replaces what it covers.
            found = [f for f in found if not (m.start() <= f.start < m.end())]
            found.append(MetricMention(m.start(), m.end(), m.group(), table[key], None, None))
    for indicator, verbs, objects in _verb_objects(lang):
        for m in objects.finditer(text):
            if any(f.start <= m.start() < f.end for f in found):
                continue  # inside an alias already found ("crude oil imports")
            start = max(0, m.start() - _VERB_REACH)
            if (verb := list(verbs.finditer(text, start, m.start()))) and not _BREAK.search(text, verb[-1].end(), m.start()):
                found.append(MetricMention(m.start(), m.end(), m.group(), indicator, None, None))
    return sorted(found, key=lambda f: f.start)
