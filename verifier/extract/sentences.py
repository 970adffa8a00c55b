"""Split a text into paragraphs, sentences and clauses.

Hand-written: the sentence splitters on PyPI are unmaintained or slow, and
this one only needs the language's abbreviations ("M. Poutine") to avoid
false breaks and its clause openers ("while", "alors que") to tell a
figure's own clause from the rest of its sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ..phrases import normalize, phrase_pattern
from . import lexicon as lx

_S = r"[\s\u00a0\u202f]+"
# A stored copy may have lost the space after a full stop ("en 2023.Les naissances"): a stop glued between a
# lower-case word and a capitalised one ends a sentence too.
_END = re.compile(
    r"[.!?…]+[\"»”)]*(?=\s+[\"«“(]?[A-ZÀ-ÖØ-Þ0-9])|(?<=[a-zß-ÿ0-9]{2})(?<!www)\.(?=[A-ZÀ-ÖØ-Þ][a-zß-ÿ])|[.!?…]+[\"»”)]*\s*\Z"
)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int
    clauses: tuple[tuple[int, int], ...]

    def clause_of(self, pos: int) -> tuple[int, int]:
        return next((c for c in self.clauses if c[0] <= pos < c[1]), (self.start, self.end))


@cache
def _grammar(lang: str) -> tuple[frozenset[str], re.Pattern, re.Pattern | None]:
    section = lx.load(lang).data["sentences"]
    abbreviations = frozenset(normalize(a) for a in section["abbreviations"])
    openers = phrase_pattern(section["clause_openers"])
    nouns = section.get("ordinal_nouns")
    ordinal = re.compile(rf"{_S}(?:{phrase_pattern(nouns)})", re.I) if nouns else None
    # A semicolon always joins two clauses of their own ("…$81.4 billion; deliveries from Russia rose 12.7%").
    return abbreviations, re.compile(rf"(?:[,;:]{_S}|;|\s[–—]\s)?(?={openers})|(?<=;){_S}", re.I), ordinal


@lru_cache(maxsize=4)  # asked for twice per text: by the currency resolver and by extract
def sentences(text: str, lang: str) -> list[Sentence]:
    """Sentences, each with its clauses."""
    abbreviations, opener_re, ordinal_re = _grammar(lang)
    out: list[Sentence] = []
    for p_index, para in enumerate(re.finditer(r"\S(?:.|\n(?![ \t]*\n))*", text)):
        start = para.start()
        for m in _END.finditer(text, para.start(), para.end()):
            word = re.search(r"([\w.’'-]+)\Z", text[start : m.start()])
            if m.group().startswith(".") and word and (
                normalize(word.group(1)) in abbreviations or (len(word.group(1)) == 1 and word.group(1).isupper())
            ):
                continue
            if m.group() == "." and ordinal_re and word and word.group(1).isdigit() and len(word.group(1)) <= 3 and ordinal_re.match(text, m.end()):
                continue  # "am 29. Dezember": an ordinal's full stop
            out.append(_sentence(text, start, m.end(), p_index, opener_re))
            start = m.end()
            while start < para.end() and text[start].isspace():
                start += 1
        if start < para.end():
            out.append(_sentence(text, start, para.end(), p_index, opener_re))
    return out


def _sentence(text: str, start: int, end: int, paragraph: int, opener_re: re.Pattern) -> Sentence:
    cuts = [m.start() for m in opener_re.finditer(text, start, end) if m.start() > start]
    bounds = [start, *cuts, end]
    return Sentence(start, end, paragraph, tuple(zip(bounds, bounds[1:])))
