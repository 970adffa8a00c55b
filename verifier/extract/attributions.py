"""Find who a figure is attributed to: "selon les données des douanes
chinoises", "according to the EIA", and after the figure, "…, the EIA said",
"wie Eurostat mitteilte"."""

from __future__ import annotations

import re
from functools import cache

from ..phrases import phrase_pattern
from . import lexicon as lx
from .mentions import Mention, PeriodMention

_S = r"[\s\u00a0\u202f]+"


@cache
def _grammar(lang: str) -> tuple[re.Pattern, tuple[re.Pattern, ...], re.Pattern, re.Pattern]:
    """Who said it, before the figure ("selon …") and after it ("…, the EIA
    said", "wie Eurostat mitteilte"), the words an attribution does not end on
    ("Eurostat bei"), and the determiners it drops ("l'Insee" -> "Insee")."""
    section = lx.load(lang).data["attribution"]
    word = r"[A-ZÀ-ÖØ-Þ](?:[\w&'’-]|\.(?=\w))*"  # a capitalised word: "Eurostat", "U.S.", "Bank's"
    joiner = r"of|de|du|des|del|der|for|für|and|et|y|und|in|im|en"
    who = rf"(?P<a>(?:[^\W\d]+[\s\u00a0]+|[^\W\d]{{1,2}}['’]){{0,2}}?{word}(?:[\s\u00a0]+(?:{word}|{joiner})){{0,5}})"
    bodies = [phrase_pattern([t], words=False)[3:-1].replace(r"\{a\}", who) for t in section.get("after", [])]
    # "the Turkish Statistical Institute (TÜİK) reported", "the IMF ranks": an organisation as the subject of a
    # speech verb; its name, not any capitalised subject ("China reported"), must say it is an organisation.
    verbs = phrase_pattern(section.get("subject_verbs", [])) or "(?!)"
    bodies.append(rf"{who}(?:[\s\u00a0]*\([^()\d]{{1,20}}\))?,?[\s\u00a0]+(?:{verbs})(?!\w)")
    trailing = phrase_pattern(section.get("trailing", []))
    return (
        re.compile(
            rf"(?:{phrase_pattern(section['cues'])}){_S}(?:(?:{phrase_pattern(section['determiners'])})(?:{_S}|(?<=['’])))*"
            r"(?P<a>[^,;.()\d]+)",  # up to punctuation or a figure
            re.I,
        ),
        tuple(re.compile(b) for b in bodies),  # one each: they share the group name
        re.compile(rf"(?:[\s\u00a0]+(?:{trailing}))+\Z", re.I),
        re.compile(rf"\A(?:{phrase_pattern(section['determiners'])})(?:[\s\u00a0]+|(?<=['’]))", re.I),
    )


def find(text: str, lang: str, found_periods: list[PeriodMention]) -> list[Mention]:
    """"selon les données des douanes chinoises" -> "données des douanes
    chinoises"; a date inside it ("publiées le mois dernier") is not part of
    who said it, so the attribution stops before it."""
    before, after, trailing, determiner = _grammar(lang)
    out = []
    organisation = _organisation(lang)
    subject_pattern = after[-1]
    for m in [*before.finditer(text), *(m for pattern in after for m in pattern.finditer(text))]:
        start, end = m.start("a"), m.end("a")
        if m.re is subject_pattern and not organisation.search(m.group("a")):
            continue
        for p in found_periods:
            if start < p.start < end:
                end = p.cue if p.cue is not None and p.cue > start else p.start
        if d := determiner.match(text[start:end]):  # "a indiqué l'Insee" -> "Insee", as after "selon"
            start += d.end()
        phrase = trailing.sub("", text[start:end].rstrip()).strip()
        if phrase:
            out.append(Mention(start, start + len(phrase), phrase))
    return sorted(out, key=lambda m: m.start)


@cache
def _organisation(lang: str) -> re.Pattern:
    """A name that says it is an organisation ("Statistical Institute", "Monetary Fund"), or an acronym."""
    words = phrase_pattern(lx.load(lang).data["attribution"].get("organisations", [])) or "(?!)"
    return re.compile(rf"(?i:{words})|\b[A-ZÀ-Þ]{{2,6}}\b")
