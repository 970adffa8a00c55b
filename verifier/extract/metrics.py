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
    for indicator, verbs, objects in _verb_objects(lang):
        for m in objects.finditer(text):
            if any(f.start <= m.start() < f.end for f in found):
                continue  # inside an alias already found ("crude oil imports")
            start = max(0, m.start() - _VERB_REACH)
            if (verb := list(verbs.finditer(text, start, m.start()))) and not _BREAK.search(text, verb[-1].end(), m.start()):
                found.append(MetricMention(m.start(), m.end(), m.group(), indicator, None, None))
    return sorted(found, key=lambda f: f.start)
