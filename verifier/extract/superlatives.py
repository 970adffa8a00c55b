"""Superlatives read by their form, for a language that builds them in one
word ("wertvollstes", "meistverkaufte", "zweitwertvollste"): no list of
adjectives is ever complete, and the form is regular enough to read. The
lexicon says which endings mark one, which words may stand before it and
which stems are adjectives; a language without that data has none."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..phrases import phrase_pattern
from . import lexicon as lx
from .mentions import Mention

_S = r"[\s\u00a0\u202f]+"
_LOWER = "a-zäöüßàâçéèêëîïôûùüÿñæœ"


@dataclass(frozen=True)
class SuperlativeMention(Mention):
    rank: int


@dataclass(frozen=True)
class _Morphology:
    word: re.Pattern  # a lower-case word with a superlative ending or prefix
    before: re.Pattern  # an article or "als"/"am" right before it, or one adverb earlier
    endings: tuple[str, ...]
    stems: tuple[str, ...]
    not_stems: frozenset[str]
    plural_before: re.Pattern
    plural_endings: tuple[str, ...]
    prefixes: dict[str, int]
    not_starts: tuple[str, ...]  # "meisterhafte" is no "meist-" superlative
    rank_prefixes: dict[str, int]


@cache
def _morphology(lang: str) -> _Morphology | None:
    ranking = lx.load(lang).data.get("ranking", {})
    endings = tuple(sorted(ranking.get("superlative_endings", []), key=len, reverse=True))
    if not endings:
        return None
    prefixes = lx.normalize_keys(ranking.get("superlative_prefixes", {}))
    starts = "|".join(re.escape(p) for p in prefixes) or "(?!)"
    ends = "|".join(re.escape(e) for e in endings)
    after = phrase_pattern(ranking.get("superlative_after", []))
    return _Morphology(
        # Lower-case only: a capitalised "Küste" or "Liste" is a noun.
        word=re.compile(rf"(?<![\w-])(?:[{_LOWER}]+(?:{ends})|(?:{starts})[{_LOWER}]{{4,}})(?![\w-])"),
        before=re.compile(rf"({after}){_S}(?:[{_LOWER}]+{_S})?\Z", re.I),
        endings=endings,
        stems=tuple(ranking.get("superlative_stems", [])),
        not_stems=frozenset(ranking.get("not_superlative_stems", [])),
        plural_before=re.compile(rf"(?:{phrase_pattern(ranking.get('superlative_plural_after', []))}){_S}(?:[{_LOWER}]+{_S})?\Z", re.I),
        plural_endings=tuple(ranking.get("superlative_plural_endings", [])),
        prefixes=prefixes,
        not_starts=tuple(ranking.get("not_superlative_starts", [])),
        rank_prefixes=lx.normalize_keys(ranking.get("rank_prefixes", {})),
    )


def find(text: str, lang: str, start: int, end: int) -> list[SuperlativeMention]:
    """The superlatives between `start` and `end` that only their form tells."""
    g = _morphology(lang)
    if g is None:
        return []
    out = []
    for m in g.word.finditer(text, start, end):
        context = text[max(0, m.start() - 40) : m.start()]
        if not g.before.search(context):
            continue
        rank = _rank(m.group(), g)
        if rank is None or (m.group().endswith(g.plural_endings) and g.plural_before.search(context)):
            continue
        out.append(SuperlativeMention(m.start(), m.end(), m.group(), rank))
    return out


def _rank(word: str, g: _Morphology) -> int | None:
    if word.startswith(g.not_starts):
        return None
    for prefix, rank in g.prefixes.items():
        if word.startswith(prefix) and len(word) - len(prefix) >= 4:
            return rank  # "meistverkaufte": the prefix is the superlative
    rank = 1
    for prefix, r in g.rank_prefixes.items():
        if word.startswith(prefix) and _is_superlative(word[len(prefix) :], g):
            rank, word = r, word[len(prefix) :]  # "zweitwertvollste"
            break
    return rank if _is_superlative(word, g) else None


def _is_superlative(word: str, g: _Morphology) -> bool:
    ending = next((e for e in g.endings if word.endswith(e)), None)
    if ending is None:
        return False
    stem = word[: -len(ending)]
    return len(stem) >= 2 and stem not in g.not_stems and stem.endswith(g.stems)
