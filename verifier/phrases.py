"""Phrase matching every stage shares: the supported languages, the key a phrase is looked up by, and a fast regex alternation of phrases."""

from __future__ import annotations

import re
from functools import lru_cache

#: Languages with a lexicon; any other is refused with a clear error.
SUPPORTED = ("fr", "en", "es", "de")


def phrase_pattern(phrases, *, words: bool = True) -> str:
    """A regex alternation of phrases, longest first, tolerant of the two
    apostrophes and of any run of spaces news text puts between words.

    Python's re tries every alternative at every position, so the word-start
    test and the set of possible first letters are factored out in front:
    inside a word, or before a letter no phrase starts with, the whole
    alternation fails in one step. This is most of the extractor's speed."""
    worded, other = [], []
    for phrase in sorted({p.lower() for p in phrases if p}, key=len, reverse=True):
        # A space in a phrase may be a hyphen in the text: "first-quarter earnings".
        body = re.sub("['’]", "['’]", re.escape(phrase).replace(r"\ ", r"[\s\u00a0\u202f-]+"))
        if words and phrase[-1].isalnum():
            body += r"(?![\w])"
        (worded if words and phrase[0].isalnum() else other).append((phrase, body))
    parts = []
    if worded:
        firsts = "".join(sorted({re.escape(c) for p, _ in worded for c in {p[0], p[0].upper()}}))
        parts.append(rf"(?<![\w])(?=[{firsts}])(?:" + "|".join(b for _, b in worded) + ")")
    parts.extend(b for _, b in other)
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


@lru_cache(maxsize=1 << 16)  # the same words and n-grams come back sentence after sentence
def normalize(text: str) -> str:
    """The key a matched phrase is looked up by. A hyphen between words
    counts as a space, as phrase_pattern lets it stand for one."""
    return re.sub(r"[\s\u00a0\u202f]+|(?<=\w)-(?=\w)", " ", text.lower().replace("’", "'")).strip()
