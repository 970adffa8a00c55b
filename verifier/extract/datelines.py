"""Datelines: the city (and often the day and the agency) a story was filed
from, opening a paragraph: "BEIJING, Jan 13 (Reuters) -", "PÉKIN, 20 juin
/TASS/.", "Madrid, 3 feb (EFE).-", "Brussels –", "Neu Delhi/Peking (dpa) -".
The city is no subject of the story's figures and the day no period of them.

Hand-written: no library reads datelines, and their shape (capitalised words,
an optional day, an optional agency in brackets or slashes, then a dash or a
full stop) is the same in every language verifier reads.
"""

from __future__ import annotations

import re

_WORD = r"[A-ZÀ-Þ][\w'’.\-]*"
_DATELINE = re.compile(
    rf"(?m)^[ \t]*{_WORD}(?:[ /]{_WORD}){{0,3}}"  # the city: "Neu Delhi/Peking", "BEIJING"
    r"(?:,[ \t]*[^\n,(/–—]{1,25}?)?"  # the day: ", Jan 13", ", 20 juin"
    r"(?:[ \t]*\([^)\n]{1,30}\)|[ \t]*/[^/\n]{1,20}/)?"  # the agency: "(Reuters)", "/TASS/"
    r"[ \t]*(?:[–—]|-+|(?<=[)/])\.-?)"  # a dash, or a full stop right after the agency
)


def spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of every dateline in `text`."""
    return [m.span() for m in _DATELINE.finditer(text)]


def first(text: str, start: int = 0) -> tuple[int, int] | None:
    """The dateline opening the text at `start` (after leading space), if any."""
    m = _DATELINE.match(text, start + len(text[start:]) - len(text[start:].lstrip()))
    return m.span() if m else None
