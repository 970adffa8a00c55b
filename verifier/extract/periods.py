"""A period grammar: find the time expressions of a text and resolve each to
an interval of days, relative to the publication date.

dateparser reads points in time; news figures are about periods ("between
January and November", "last year", "in the first quarter"), so the
grammar here recognises the period shapes and only hands single dates
("le 3 octobre 2023") to dateparser.

Resolution rules (the reference is the publication date, or today):
- an explicit year is taken as written;
- a month, range of months, quarter or half without a year is the most
  recent one that had ended before the reference ("entre janvier et
  novembre" in February 2024 is January-November 2023);
- "last year/month" is the calendar year/month before the reference's;
  "this year" and "year to date" run from 1 January to the reference.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import cache

from ..models import Period
from ..periods import month_end as _month_end
from ..periods import months_period, shift_months, shift_years
from ..phrases import normalize, phrase_pattern
from . import datelines
from . import lexicon as lx
from .mentions import PeriodMention
from .numbers import written_value

_S = r"[\s\u00a0\u202f]+"
_YEAR = r"(?P<y>(?:1[89]|20)\d{2})(?!\d)"
_MONTHS_EN = [calendar.month_name[i] for i in range(13)]


def _latest_ended(first: int, last: int, ref: dt.date) -> Period:
    """The most recent months first..last of one year that had ended before `ref`."""
    year = ref.year if _month_end(ref.year, last) < ref else ref.year - 1
    return months_period(year, first, last)


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern
    kind: str


@cache
def _rules(lang: str) -> tuple[tuple[_Rule, ...], re.Pattern, dict]:
    lex = lx.load(lang)
    section = lex.data["periods"]
    month = phrase_pattern(lex.months)
    # "of the year" names the current year without writing it: left to resolution.
    this_year = phrase_pattern(section.get("of_the_year", []))
    year_tail = rf"(?:,?{_S}(?:(?:de|of|en|in){_S})?(?:l['’]année{_S})?{_YEAR}|{_S}{this_year})?"
    rules: list[_Rule] = []
    for template in section.get("ranges", []):
        body = phrase_pattern([template], words=False)[3:-1]  # the escaped template, unwrapped
        months = body.replace(r"\{m1\}", f"(?P<m1>{month})").replace(r"\{m2\}", f"(?P<m2>{month})")
        rules.append(_Rule(re.compile(rf"(?<!\w){months}{year_tail}", re.I), "range"))
        # The same shapes span years: "entre 2021 et 2023", "from 2019 to 2023".
        years = body.replace(r"\{m1\}", _YEAR.replace("?P<y>", "?P<y1>")).replace(r"\{m2\}", _YEAR.replace("?P<y>", "?P<y2>"))
        rules.append(_Rule(re.compile(rf"(?<!\w){years}", re.I), "years"))
    # "in the 12 months to May": a year-on-year rate for the month, as statistics offices date it.
    for template in section.get("to_month", []):
        body = phrase_pattern([template], words=False)[3:-1].replace(r"\{m\}", f"(?P<m1>{month})")
        rules.append(_Rule(re.compile(rf"(?<!\w){body}{year_tail}", re.I), "month"))
    count = rf"(?P<n>\d{{1,2}}|{phrase_pattern(lex.written_numbers)})"
    for key, kind in (("first_months", "first"), ("first_quarters", "first_quarters")):
        for template in sorted(section.get(key, []), key=len, reverse=True):  # "… Quartalen des Jahres" before "… Quartalen"
            body = phrase_pattern([template], words=False)[3:-1].replace(r"\{n\}", count)
            rules.append(_Rule(re.compile(rf"(?<!\w){body}{year_tail}", re.I), kind))
    # "seit Anfang 2023", "desde principios de 2023": a running total from that year's first day.
    if start_of := section.get("since_start_of"):
        rules.append(_Rule(re.compile(rf"(?<!\w)(?:{phrase_pattern(start_of)}){_S}(?:l['’]année{_S})?{_YEAR}", re.I), "to_date"))
    # "the last three months of 2023": the year's fourth quarter, only with the year written (without, a rolling stretch).
    if last_of := section.get("last_quarter_of"):
        rules.append(_Rule(re.compile(rf"(?:{phrase_pattern(last_of)}){_S}(?:l['’]année{_S})?{_YEAR}", re.I), "last_quarter"))
    quarters, halves = lx.normalize_keys(section.get("quarters", {})), lx.normalize_keys(section.get("halves", {}))
    for kind, table in (("quarter", quarters), ("half", halves)):
        rules.append(_Rule(re.compile(rf"(?P<p>{phrase_pattern(table)}){year_tail}", re.I), kind))
    relative = {normalize(r["text"]): r for r in section.get("relative", [])}
    rules.append(_Rule(re.compile(f"(?P<r>{phrase_pattern(relative)})", re.I), "relative"))
    # "3 octobre", "1er mars", "21. Februar", "21 de febrero", "1st of January", "Feb. 21", "March 3rd, 2024"
    ordinal = r"(?:er|re|st|nd|rd|th|\.º|º|\.)?"
    first_day = phrase_pattern(section.get("first_day", []))
    rules.append(_Rule(re.compile(rf"(?<![\d,.])(?P<d>[0-3]?\d|{first_day}){ordinal}(?:{_S}(?:de|of))?{_S}(?P<m1>{month})\.?{year_tail}", re.I), "day"))
    if section.get("month_day", False):
        # "Feb. 21", "March 3rd, 2024": only where the language writes the month first.
        rules.append(_Rule(re.compile(rf"(?P<m1>{month})\.?{_S}(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?!\d|[.,]\d)(?:,?{_S}{_YEAR})?", re.I), "day"))
    decades = section.get("decades", [])
    if decades:
        decade = r"(?P<y>(?:1[89]|20)\d0)"
        body = "|".join(phrase_pattern([t], words=False)[3:-1].replace(r"\{y\}", decade.replace("?P<y>", f"?P<y{i}>"))
                        for i, t in enumerate(decades))
        rules.append(_Rule(re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.I), "decade"))
    weekdays = _weekdays(lang)
    rules.append(_Rule(re.compile(f"(?P<w>{phrase_pattern(weekdays)})", re.I), "weekday"))
    days = lx.normalize_keys({k: v for k, v in section.get("relative_days", {}).items()})
    rules.append(_Rule(re.compile(f"(?P<rd>{phrase_pattern(days)})", re.I), "relative_day"))
    rules.append(_Rule(re.compile(rf"(?P<m1>{month})(?:{_S}(?:de{_S})?{_YEAR})", re.I), "month"))
    prepositions = phrase_pattern(section.get("month_prepositions", []))
    rules.append(_Rule(re.compile(rf"(?:{prepositions}(?:{_S}|-))(?P<m1>{month})(?!\w)", re.I), "month"))
    # A bare month with its figure in brackets, in a list of months: "julio (2,3 %), agosto (2,6 %), septiembre (3,5 %)".
    rules.append(_Rule(re.compile(rf"(?<!\w)(?P<m1>{month})(?=[\s\u00a0]*\([\s\u00a0]*[+\-−]?\d)", re.I), "month"))
    rules.append(_Rule(re.compile(rf"(?<![\d,.\w])(?<!\d-){_YEAR}(?![.,]\d)", re.I), "year"))
    # "data released last month", "released by the Australian Bureau of Statistics on Thursday".
    agents = phrase_pattern(section.get("publication_agents", [])) or "(?!)"
    publication = re.compile(
        rf"(?:{phrase_pattern(section.get('publication_cues', []))})(?:{_S}(?:{agents})(?:{_S}[\w'’().-]+){{1,6}}?)?(?:{_S}\w+){{0,2}}[\s\u00a0\u202f]*\Z",
        re.I,
    )
    # "said Wednesday", "a indiqué jeudi": a day right after a speech verb dates the statement.
    # "said on Thursday", "a indiqué ce jeudi", "informó este jueves", "teilte am Montag mit".
    articles = phrase_pattern(section.get("statement_articles", [])) or "(?!)"
    statement = re.compile(rf"(?:{phrase_pattern(section.get('statement_cues', []))})(?:{_S}(?:{articles}))?[\s\u00a0\u202f]*\Z", re.I)
    # "Mercredi, Renault a annoncé", "On Wednesday, the agency said": the speech verb may follow the day and its subject.
    after = section.get("statement_cues_after", []) + section.get("statement_cues", [])
    statement_after = re.compile(rf"[\s\u00a0\u202f]*,?(?:{_S}[^\s\d.,;:]+){{0,3}}{_S}(?:{phrase_pattern(after)})(?!\w)", re.I) if after else None
    since_words = phrase_pattern(section.get("since", []))
    # "since 2018", "depuis le début", and a clause between: "since Germany reunified in 1990".
    gap = phrase_pattern(section.get("since_gap", [])) or "(?!)"
    # The words of such a clause are no figure: "more than one trillion dollars in 2023" states 2023's figure.
    # "more than half of world GDP in 2022": a fraction's words are a figure's too.
    fractions = sorted({w for phrase in lex.data.get("quantities", {}).get("fractions", {}) for w in re.split(r"[\s-]+", phrase) if len(w) >= 4})
    figure_words = phrase_pattern([*lex.written_numbers, *lex.data.get("scales", {}), *fractions]) or "(?!)"
    since = re.compile(
        rf"(?:{since_words})(?:(?:{_S}(?:{phrase_pattern(section.get('since_articles', []))}))?|(?:{_S}(?!{figure_words})[^\W\d]+){{1,4}}{_S}(?:{gap}))"
        rf"[\s\u00a0\u202f]*\Z",
        re.I,
    )
    tables = {
        "quarter": quarters, "half": halves, "relative": relative, "months": lex.months, "weekdays": weekdays,
        "since": since, "since_start": re.compile(since_words, re.I),
        "vague": re.compile(rf"(?:{phrase_pattern(section.get('vague_parts', [])) or '(?!)'})(?:[\s\u00a0\u202f]+|(?<=-))\Z", re.I),
        "closing": re.compile(rf"(?:{phrase_pattern(section.get('closing', [])) or '(?!)'})(?:[\s\u00a0\u202f]+|(?<=-))\Z", re.I),
        "statement": statement, "statement_after": statement_after,
    }
    return tuple(rules), publication, tables


def _weekdays(lang: str) -> dict[str, int]:
    from babel.dates import get_day_names

    return {normalize(name): number for number, name in get_day_names("wide", locale=lang).items()}


def find(text: str, lang: str, published: dt.date | None) -> list[PeriodMention]:
    """Every period expression in `text`, resolved; the longest wins where two overlap."""
    rules, publication, tables = _rules(lang)
    ref = published or dt.date.today()
    found: list[PeriodMention] = []
    filed = datelines.spans(text)
    taken = bytearray(len(text))  # characters an earlier (longer) rule has claimed
    for rule in rules:
        for m in rule.pattern.finditer(text):
            if any(taken[m.start() : m.end()]):
                continue
            period = _resolve(rule.kind, m, tables, ref, lang)
            if period is None:
                continue
            cue = publication.search(text, max(0, m.start() - 90), m.start())
            if cue is None and rule.kind in ("weekday", "relative_day", "day"):
                cue = tables["statement"].search(text, max(0, m.start() - 30), m.start())
                if cue is None and tables["statement_after"] is not None:
                    cue = tables["statement_after"].match(text, m.end(), m.end() + 60)
            since = bool(tables["since"].search(text, max(0, m.start() - 60), m.start()) or (rule.kind == "month" and tables["since_start"].match(m.group())))
            vague = rule.kind in ("year", "month", "quarter", "half") and bool(tables["vague"].search(text, max(0, m.start() - 45), m.start()))
            closing = rule.kind == "year" and bool(tables["closing"].search(text, max(0, m.start() - 25), m.start()))
            at = cue.start() if cue else None
            if at is None and rule.kind in ("weekday", "relative_day", "day"):
                # The day of a dateline ("PÉKIN, 20 juin /TASS/.") is the filing's.
                at = next((a for a, b in filed if a <= m.start() < b), None)
            found.append(PeriodMention(m.start(), m.end(), m.group(), period, cue=at, since=since, vague=vague, closing=closing))
            taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    found.sort(key=lambda p: p.start)
    return _anchored(_statement_dates(text, _vague_stretches(text, found)), tables)


def _vague_stretches(text: str, found: list[PeriodMention]) -> list[PeriodMention]:
    """A period joined to a vague one is part of the same vague stretch: "fin 2022 début 2023",
    "end-2022/early-2023" name no period a source delimits."""
    out = list(found)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        # At most a short word between ("fin 2022 début 2023", "2022 and early 2023"), no punctuation or figure.
        if (a.vague or b.vague) and re.fullmatch(r"[\s\u00a0/–-]*(?:[^\W\d]{1,8}[\s\u00a0/–-]+)?", text[a.end : b.start]):
            out[i], out[i + 1] = replace(a, vague=True), replace(b, vague=True)
    return out


def _statement_dates(text: str, found: list[PeriodMention]) -> list[PeriodMention]:
    """A date right after a statement's weekday is the same day: "informó este jueves 11 de enero"."""
    out = list(found)
    for i in range(1, len(out)):
        before, mention = out[i - 1], out[i]
        if before.cue is not None and mention.cue is None and re.fullmatch(r"[\s\u00a0,]*", text[before.end : mention.start]):
            out[i] = replace(mention, cue=before.cue)
    return out


def _anchored(found: list[PeriodMention], tables: dict) -> list[PeriodMention]:
    """"5,2 % l'année précédente" after "4,9 % en 2023" is 2022's figure: a
    relative period marked `anchor = "context"` counts from the period the
    text stated just before it (within a sentence's reach), else from the
    publication date."""
    out: list[PeriodMention] = []
    for mention in found:
        entry = tables["relative"].get(normalize(mention.text))
        if entry and entry.get("anchor") == "context":
            before = next((p for p in reversed(out) if p.measured and 0 <= mention.start - p.end <= 250), None)
            # "the previous month" counts from a month, not from a year: "2,6 puntos menos que en 2022 … el mes anterior".
            if before is not None and entry["unit"] == "month" and (before.period.end - before.period.start).days > 31:
                before = None
            if before is not None:
                shifted = shift_years(before.period, entry["offset"]) if entry["unit"] == "year" else shift_months(before.period, entry["offset"])
                mention = replace(mention, period=shifted)
        out.append(mention)
    return out


def _resolve(kind: str, m: re.Match, tables: dict, ref: dt.date, lang: str) -> Period | None:
    groups = m.groupdict()
    year = int(groups["y"]) if groups.get("y") else None
    month = lambda key: tables["months"][normalize(groups[key]).rstrip(".")]  # noqa: E731
    if kind == "range":
        first, last = month("m1"), month("m2")
        if first > last:
            return None
        return months_period(year, first, last) if year else _latest_ended(first, last, ref)
    if kind in ("first", "first_quarters"):
        n = int(groups["n"]) if groups["n"].isdigit() else written_value(groups["n"], lang)
        n = n * 3 if n and kind == "first_quarters" else n  # "the first three quarters": January to September
        if not n or not 1 <= n <= 12:
            return None
        return months_period(year, 1, n) if year else _latest_ended(1, n, ref)
    if kind == "to_date":
        return _to_date(year, ref) if year <= ref.year else None
    if kind == "last_quarter":
        return months_period(year, 10, 12).model_copy(update={"label": f"Q4 {year}"})
    if kind in ("quarter", "half"):
        n = tables[kind][normalize(groups["p"])]
        size = 3 if kind == "quarter" else 6
        if n == 0:  # "the last quarter": of the year written, else the last one ended before publication
            n = 12 // size if year else ((ref.month - 1) // size - 1) % (12 // size) + 1
            year = year or (ref.year if ref.month > size else ref.year - 1)
        first, last = (n - 1) * size + 1, n * size
        period = months_period(year, first, last) if year else _latest_ended(first, last, ref)
        label = f"Q{n} {period.start.year}" if kind == "quarter" else f"H{n} {period.start.year}"
        return period.model_copy(update={"label": label})
    if kind == "relative":
        rule = tables["relative"][normalize(groups["r"])]
        if rule["unit"] == "year":
            return months_period(ref.year + rule["offset"], 1, 12)
        if rule["unit"] == "year_end":  # "zum Jahreswechsel", "at the end of last year": its last day
            end = dt.date(ref.year + rule["offset"], 12, 31)
            return Period(start=end, end=end, label=f"31 December {end.year}")
        if rule["unit"] == "month":
            index = ref.year * 12 + ref.month - 1 + rule["offset"]
            return months_period(index // 12, index % 12 + 1, index % 12 + 1)
        return _to_date(ref.year, ref)
    if kind == "month":
        first = month("m1")
        return months_period(year, first, first) if year else _latest_ended(first, first, ref)
    if kind == "day":
        return _day(groups, tables, ref)
    if kind == "year":
        return months_period(year, 1, 12)
    if kind == "decade":
        first = int(next(v for k, v in groups.items() if k.startswith("y") and v))
        return Period(start=dt.date(first, 1, 1), end=dt.date(first + 9, 12, 31), label=f"{first}s")
    if kind == "years":
        first, last = int(groups["y1"]), int(groups["y2"])
        if first >= last:
            return None
        return Period(start=dt.date(first, 1, 1), end=dt.date(last, 12, 31), label=f"{first}–{last}")
    if kind == "weekday":
        # The most recent such day up to the publication date: "jeudi" in a
        # Friday paper is yesterday.
        day = ref - dt.timedelta(days=(ref.weekday() - tables["weekdays"][normalize(groups["w"])]) % 7)
        return _one_day(day)
    if kind == "relative_day":
        return _relative_day(m.group(), ref, lang)
    return None


def _to_date(year: int, ref: dt.date) -> Period:
    since = f"1 January {year}" if year != ref.year else "1 January"
    return Period(start=dt.date(year, 1, 1), end=ref, label=f"{since}–{ref.day} {_MONTHS_EN[ref.month]} {ref.year} (to date)", to_date=True)


def _one_day(day: dt.date) -> Period:
    return Period(start=day, end=day, label=f"{day.day} {_MONTHS_EN[day.month]} {day.year}")


def _day(groups: dict, tables: dict, ref: dt.date) -> Period | None:
    """A day of a month; without a year, the most recent one not after the reference."""
    month = tables["months"][normalize(groups["m1"]).rstrip(".")]
    day = int(groups["d"]) if groups["d"].isdigit() else 1  # "primero de enero"
    years = [int(groups["y"])] if groups.get("y") else [ref.year, ref.year - 1]
    for year in years:
        try:
            date = dt.date(year, month, day)
        except ValueError:
            return None
        if groups.get("y") or date <= ref:
            return _one_day(date)
    return None


def _relative_day(text: str, ref: dt.date, lang: str) -> Period | None:
    """"hier", "yesterday", "avant-hier": dateparser knows these in every language."""
    import dateparser

    settings = {"RELATIVE_BASE": dt.datetime.combine(ref, dt.time()), "PREFER_DATES_FROM": "past"}
    parsed = dateparser.parse(text, languages=[lang], settings=settings)
    return _one_day(parsed.date()) if parsed else None
