"""Find the indicator a sentence talks about, from the catalogue's multilingual aliases."""

from __future__ import annotations

import re
from functools import cache

from .. import catalog
from . import lexicon as lx
from .mentions import MetricMention


@cache
def _pattern(lang: str) -> tuple[re.Pattern, dict[str, tuple[str, str | None, int | None]]]:
    phrases: dict[str, tuple[str, str | None, int | None]] = {}
    for indicator in catalog.indicators().values():
        for alias in indicator.aliases.get(lang, []):
            phrases.setdefault(lx.normalize(alias), (indicator.id, None, None))
        for alias in indicator.supplier_aliases.get(lang, []):
            phrases[lx.normalize(alias)] = (indicator.id, indicator.supplier_subject, None)
        for alias in indicator.superlatives.get(lang, []):
            phrases[lx.normalize(alias)] = (indicator.id, None, 1)
    return re.compile(f"({lx.phrase_pattern(phrases)})", re.I), phrases


def find(text: str, lang: str) -> list[MetricMention]:
    pattern, phrases = _pattern(lang)
    found = []
    for m in pattern.finditer(text):
        indicator, subject, rank = phrases[lx.normalize(m.group(1))]
        found.append(MetricMention(m.start(), m.end(), m.group(), indicator, subject, rank))
    return found
