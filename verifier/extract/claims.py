"""Assemble claims: split the text into sentences and clauses, then give each
figure or rank the period, places, metric and attribution that the text
attaches to it.

Attachment reads the way a fact-checker does: the figure's own clause first
(in "they met twice last year, while trade reached $218bn between January
and November", the meetings are last year's and the trade figure is
January-November's), then the rest of the sentence, and for the period the
paragraph before it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from functools import cache

from .. import catalog
from ..geo import AGGREGATES
from ..models import Claim, Document, Inherited, Metric, Place, Quantity
from ..periods import calendar_years, months, shift_months
from ..phrases import normalize, phrase_pattern
from . import attributions, changes, currencies, metrics, modality, periods, places, quantities, superlatives
from . import lexicon as lx
from .changes import ChangeMention
from .context import Context
from .mentions import Mention, MetricMention, PeriodMention, PlaceMention, QuantityMention, mask
from .numbers import written_value
from .periods import months_period
from .sentences import sentences

_S = r"[\s\u00a0\u202f]+"
_LABEL = re.compile(r"[\s\u00a0]*:[\s\u00a0]*")  # "2022: 569,2 Milliarden"
_PARENTHESIS = re.compile(r"[\s\u00a0\u202f]*\([\s\u00a0\u202f]*")  # "l'année précédente (5,2 %)"
_RANK_GAP = re.compile(r"(?:[\s\u00a0\u202f-]+[^\W\d]+){0,2}[\s\u00a0\u202f-]+")


@dataclass(frozen=True)
class _RankGrammar:
    words: re.Pattern  # every ordinal and superlative
    overtake: re.Pattern  # "overtook", "a dépassé"
    passive: re.Pattern  # "by", "par": the agent of a passive "overtaken by"
    lost: re.Pattern  # "lost", "a perdu": the subject no longer holds the rank
    events: re.Pattern  # "baisse", "time": after an ordinal, an event counted, no rank
    joined: re.Pattern  # "third- and fourth-": a list of ranks
    regional: re.Pattern  # "Europe's", "d'Europe": a rank within a region
    to_winner: re.Pattern  # "to", "au profit de": who took the rank
    ordinals: dict[str, int]
    superlatives: dict[str, int]
    noun: re.Pattern  # a ranking noun right after an ordinal ("premier fournisseur")
    one_of: re.Pattern  # "one of the largest", "the two largest" state no rank
    ordinal_before: re.Pattern  # "la deuxième année la plus chaude"
    not_superlative: re.Pattern  # "larger than", "its lowest since June"
    bounded: re.Pattern  # "the highest in five months": a superlative within a duration
    positions: re.Pattern  # "Platz drei", "Rang 3": a position's noun, then its number
    comparative: re.Pattern  # "plus", "más": a superlative only after its article ("le plus élevé", not "0,7 % plus élevé")
    article_before: re.Pattern


class _Ordinals(dict):
    """The listed ordinals, and any written in digits ("14th", "35e", "12º"): its number."""

    def __missing__(self, key: str) -> int:
        if m := re.match(r"(\d{1,3})\D", key):
            return int(m.group(1))
        raise KeyError(key)


@cache
def _rank_grammar(lang: str) -> _RankGrammar:
    lex = lx.load(lang)
    ranking = lex.data["ranking"]
    # "the 14th largest", "la 35e économie", "el 12º": an ordinal in digits, read by its pattern, not listed.
    digits = rf"(?<![\w.,])\d{{1,3}}(?:{'|'.join(map(re.escape, sorted(ranking.get('numeric_ordinal_suffixes', []), key=len, reverse=True)))})(?!\w)"
    digits = digits if ranking.get("numeric_ordinal_suffixes") else "(?!)"
    ordinals = f"{phrase_pattern(ranking['ordinals'])}|{digits}"
    # A count before a superlative names a group, not a rank ("les deux plus grands").
    ones = ("zéro", "un", "une", "zero", "one", "cero", "un", "uno", "una", "null", "ein", "eine", "einen", "eins")
    counts = [w for w in lex.written_numbers if w not in ones]
    groups = ranking.get("one_of", []) + counts + ranking.get("groups", [])
    positions = rf"(?:{phrase_pattern(ranking.get('positions', [])) or '(?!)'}){_S}(?:\d{{1,2}}|{phrase_pattern(lex.written_numbers)})(?![\w.,]\d)"
    return _RankGrammar(
        words=re.compile(f"({phrase_pattern(ranking['ordinals'] | ranking.get('superlatives', {}))}|{positions}|{digits})", re.I),
        positions=re.compile(rf"(?:{phrase_pattern(ranking.get('positions', [])) or '(?!)'}){_S}(?P<n>.+)", re.I),
        overtake=re.compile(f"({phrase_pattern(ranking['overtake'])})", re.I),
        passive=re.compile(phrase_pattern(ranking.get("passive", [])), re.I),
        lost=re.compile(phrase_pattern(ranking.get("lost", [])), re.I),
        events=re.compile(rf"[\s\u00a0\u202f]*(?:{phrase_pattern(ranking.get('events', []))})", re.I),
        joined=re.compile(rf"-?[\s\u00a0\u202f]*(?:{phrase_pattern(ranking.get('rank_joiners', []))})[\s\u00a0\u202f]+\w+-", re.I),
        regional=re.compile(phrase_pattern(ranking.get("regional", [])), re.I),
        to_winner=re.compile(rf"(?:{phrase_pattern(ranking.get('to_winner', []))})[\s\u00a0\u202f]*(?:\w+[\s\u00a0\u202f]+)?\Z", re.I),
        ordinals=_Ordinals(lx.normalize_keys(ranking["ordinals"])),
        superlatives=lx.normalize_keys(ranking.get("superlatives", {})),
        noun=re.compile(rf"{_RANK_GAP.pattern}?(?:{phrase_pattern(ranking.get('nouns', []))})", re.I),
        one_of=re.compile(rf"(?:{phrase_pattern(groups)}|(?<![\d.,])\d{1,2}){_S}(?:[^\W\d]+{_S})?\Z", re.I),
        ordinal_before=re.compile(rf"({ordinals})(?:{_S}[^\W\d]+){{0,3}}{_S}\Z", re.I),
        not_superlative=re.compile(
            rf"(?:{_S}[^\W\d]+){{0,3}}?{_S}(?!{phrase_pattern(ranking.get('records', []))})"
            rf"(?:{phrase_pattern(ranking.get('than', []) + ranking.get('since', []))})",
            re.I,
        ),
        bounded=_bounded(lex),
        comparative=re.compile(rf"(?:{phrase_pattern(ranking.get('comparative_words', [])) or '(?!)'}){_S}", re.I),
        article_before=re.compile(
            rf"(?:{phrase_pattern(ranking.get('superlative_articles', [])) or '(?!)'})(?:{_S}[^\W\d]+){{0,{ranking.get('article_reach', 0)}}}"
            rf"(?:{_S}|(?<=['’]))\Z",
            re.I,
        ),
    )


# Units of time, as the lexicons name them for pint.
_DURATIONS = frozenset({"year", "month", "week", "day", "hour", "decade", "century"})


def _bounded(lex: lx.Lexicon) -> re.Pattern:
    """A superlative, a few words, a bounding word and a duration: "the
    highest level in five months", "au plus haut depuis plus de cinq mois",
    "el nivel más alto en cinco meses", "den höchsten Stand seit fünf Monaten"."""
    ranking = lex.data["ranking"]
    units = [w for w, u in lex.data.get("units", {}).items() if isinstance(u, str) and u in _DURATIONS] + ranking.get("durations", [])
    count = rf"\d+(?:[.,]\d+)?|{phrase_pattern(lex.written_numbers + ranking.get('within_one', []))}"
    return re.compile(
        rf"(?:{_S}[^\W\d]+){{0,3}}?{_S}(?:{phrase_pattern(ranking.get('within', []) + ranking.get('since', []))})"
        rf"{_S}(?:(?:{phrase_pattern(lex.data.get('comparators', {}))}){_S})?(?:(?:{count}){_S})?(?:{phrase_pattern(units)})",
        re.I,
    )


def _nearest(mentions, anchor: Mention, within: tuple[int, int]):
    inside = [m for m in mentions if within[0] <= m.start and m.end <= within[1]]
    # On a tie the mention after the anchor wins: "del 60 % en 2022 al 55 % en 2023".
    return min(inside, key=lambda m: (max(m.start - anchor.end, anchor.start - m.end, 0), m.start < anchor.start), default=None)


def _in_money(metric: MetricMention, quantity: Quantity, valued: bool = False) -> MetricMention:
    """"Crude imports worth $60.6bn": a money figure named with a quantity's words is its value series;
    so is a % change said to be in value ("a 7.7% decrease in value")."""
    value_of = catalog.indicators()[metric.indicator].in_money
    if value_of and (catalog.unit_family(quantity.unit) == "money" or valued and quantity.unit == "%"):
        return replace(metric, indicator=value_of)
    return metric


@cache
def _value_words(lang: str) -> re.Pattern:
    return re.compile(phrase_pattern(lx.load(lang).data.get("changes", {}).get("value_words", [])) or "(?!)", re.I)


def _compatible(metric: MetricMention, quantity: Quantity, kind: str) -> bool:
    """Whether a figure can measure the metric: money for trade, % for
    inflation, and a % change for any level ("exports rose 5 %")."""
    indicator = catalog.indicators()[metric.indicator]
    unit = indicator.unit
    if quantity.unit in indicator.also_in:
        return True
    if kind in ("change", "share") and quantity.unit == "%":
        return True  # a share of any level is part over whole: "40 % of EU gas imports"
    if quantity.unit == "pp":  # points measure a rate: "inflation fell 3.9 percentage points"
        return unit == "%"
    return catalog.unit_family(unit) == catalog.unit_family(quantity.unit)


def _per_unit(candidates: list[MetricMention], quantity: Quantity, q: Mention, clause: tuple[int, int]) -> tuple[MetricMention, Quantity] | None:
    """A price named by its market alone is per the market's unit: "WTI was trading at $72.01"
    is dollars a barrel. Only an amount in the clause of a per-unit price series, never one in billions."""
    if catalog.unit_family(quantity.unit) != "money":
        return None
    priced = [m for m in candidates if catalog.unit_family(catalog.indicators()[m.indicator].unit).startswith("money-rate:")]
    # The market is named before its price ("WTI … at $72.01, and Brent at $77.51"), the later name is the next one's.
    if (metric := _nearest([m for m in priced if m.end <= q.start], q, clause) or _nearest(priced, q, clause)) is None:
        return None
    per = catalog.indicators()[metric.indicator].unit.partition(" / ")[2]
    return metric, quantity.model_copy(update={"unit": f"{quantity.unit} / {per}"})


@dataclass
class Found:
    """Every mention in a text, each finder run once, in dependency order."""

    periods: list[PeriodMention]
    quantities: list[QuantityMention]
    places: list[PlaceMention]
    metrics: list[MetricMention]
    attributions: list[Mention]
    changes: list[ChangeMention]
    bases: list[changes.BasisMention]  # "year-on-year", "sur un an": what a change is measured against
    masked: str  # the text with periods blotted out, as the quantity finder saw it
    ranks: list[re.Match]  # listed ordinals and superlatives ("premier", "largest")
    formed: list[superlatives.SuperlativeMention]  # superlatives told by their form, that no list names
    settings: list[PlaceMention] = field(default_factory=list)  # places that only set the scene: venues, datelines, benchmarks


def _within(found: Found, start: int, end: int) -> Found:
    """The mentions that start in [start, end), by bisection (each list is in text order)."""

    def cut(items, pos=lambda m: m.start):
        return items[bisect_left(items, start, key=pos) : bisect_left(items, end, key=pos)]

    return replace(
        found,
        periods=cut(found.periods), quantities=cut(found.quantities), places=cut(found.places),
        metrics=cut(found.metrics), attributions=cut(found.attributions), changes=cut(found.changes),
        bases=cut(found.bases), ranks=cut(found.ranks, lambda m: m.start()), formed=cut(found.formed),
    )


def find_mentions(text: str, lang: str, published) -> Found:
    """Periods first (a period's "2023" is no quantity), then quantities (a
    currency's "américains" is no place), then places, metrics, attributions."""
    found_periods = periods.find(text, lang, published)
    masked = mask(text, found_periods)
    bases = changes.bases(masked, lang)
    found_changes = changes.find(masked, lang)
    found_metrics = metrics.find(text, lang)
    ranks = list(_rank_grammar(lang).words.finditer(text))
    taken = [(m.start(), m.end()) for m in ranks] + [(m.start, m.end) for m in found_metrics if m.rank]
    # A superlative told by its form, unless a list already read it ("größte", "bevölkerungsreichste").
    formed = [s for s in superlatives.find(text, lang, 0, len(text)) if not any(a <= s.start < b for a, b in taken)]
    # The number inside a multiple is part of it: "twice" in "twice as much", "deux" in "deux fois plus";
    # a duration that bounds a superlative is part of it too, as "since June" would be: "the highest in five months".
    bounded = _rank_grammar(lang).bounded
    spans = [(c.start, c.end) for c in found_changes if c.multiplier is not None] + [
        b.span() for _, end in [*taken, *((s.start, s.end) for s in formed)] if (b := bounded.match(text, end))
    ] + [m.span() for m in ranks]  # the number of a rank ("Platz vier", "No. 1") is no figure
    found_quantities = [q for q in quantities.find(mask(masked, bases), lang) if not any(a <= q.start < b for a, b in spans)]
    # "un mois de décembre", "the month of May": a unit of time that names the period after it counts nothing.
    starts = {p.start for p in found_periods}
    found_quantities = [
        q for q in found_quantities
        if not (q.quantity.unit in _DURATIONS and any(q.end + gap in starts and not text[q.end : q.end + gap].strip() for gap in (1, 2)))
    ]
    every_place = places.find(mask(text, found_quantities), lang)
    found_places = places.subjects(every_place)
    found_quantities = currencies.resolve(
        masked, lang, found_quantities, found_places, lambda: [(s.start, s.end) for s in sentences(text, lang)]
    )
    return Found(
        periods=found_periods,
        quantities=found_quantities,
        places=found_places,
        metrics=found_metrics,
        attributions=attributions.find(text, lang, found_periods),
        changes=found_changes,
        bases=bases,
        masked=masked,
        ranks=ranks,
        formed=formed,
        settings=[p for p in every_place if p.setting],
    )


def extract(document: Document) -> list[Claim]:
    lang = document.lang
    # Skipped regions (front matter) become spaces, so no sentence starts in them.
    text = mask(document.text, [Mention(s, e, "") for s, e in document.skipped], fill=" ")
    whole = find_mentions(text, lang, document.published)
    overtake_re = _rank_grammar(lang).overtake
    claims: list[tuple[int, dict]] = []
    context = Context(document)
    for sentence in sentences(text, lang):
        first = len(claims)
        scope = (sentence.start, sentence.end)
        # Everything below looks only inside the sentence: slicing first keeps a
        # long document linear instead of scanning every mention for every figure.
        found = _within(whole, *scope)
        carried = context.period(sentence.paragraph)
        figures = [q for q in found.quantities if sentence.start <= q.start < sentence.end]
        own_claims = [_quantity_claim(document, sentence, q, found, carried) for q in figures]
        for i, j in changes.from_to(found.masked, lang, figures):
            if own_claims[i] is None or own_claims[j] is None:
                continue
            if (merged := _from_to_claim(document, figures[i], figures[j], own_claims[i], own_claims[j])) is not None:
                own_claims[i], own_claims[j] = merged, None
        _echo_kinds(found.masked, lang, figures, own_claims)
        claims.extend((q.start, c) for q, c in zip(figures, own_claims) if c is not None)
        if not any(c and c["kind"] == "comparison" for c in own_claims):
            claims.extend(_place_comparisons(document, sentence, found, text, carried))
        for c in (c for c in found.changes if c.multiplier is not None and sentence.start <= c.start < sentence.end):
            q = QuantityMention(c.start, c.end, c.text, Quantity(value=c.multiplier, unit="%"))
            claims.append((c.start, _quantity_claim(document, sentence, q, found, carried, change=c)))
        for m in (m for m in found.ranks if sentence.start <= m.start() < sentence.end):
            if c := _ranking_claim(document, sentence, m, found, overtake_re, text, carried):
                claims.append((m.start(), c))
        for m in (x for x in [*(x for x in found.metrics if x.rank), *found.formed] if sentence.start <= x.start < sentence.end):
            if c := _ranking_claim(document, sentence, m, found, overtake_re, text, carried):
                claims.append((m.start, c))
        own = [p for p in found.periods if scope[0] <= p.start < scope[1] and p.measured]
        claims[first:] = [
            (at, _with_modality(document, sentence, context.complete(
                fields, sentence.paragraph, sentence.clause_of(fields["span"].start), carried, own,
            )))
            for at, fields in claims[first:]
        ]
        context.observe(sentence.paragraph, [p for p in found.places if not any(a.start <= p.start < a.end for a in found.attributions)])
        context.observe_claims(sentence.paragraph, [fields for _, fields in claims[first:]])
        if own:
            # The sentence's main figure comes first; a period after it may date one set against it ("5,6 % après 23,1 % en 2022").
            main = next(
                (f["period"] for _, f in sorted(claims[first:], key=lambda c: c[0])
                 if f.get("period") and not any(i.field == "period" for i in f.get("inherited", []))),
                None,
            )
            context.observe_period(sentence.paragraph, own, next((p for p in own if p.period == main), own[-1]))
    claims.sort(key=lambda item: item[0])
    # A rank read twice (its ordinal and its superlative: "4th largest economy") is one claim.
    unique: list[dict] = []
    for _, fields in claims:
        span = fields["span"]
        if not any(
            f["kind"] == fields["kind"] == "ranking" and f["span"].start < span.end and span.start < f["span"].end for f in unique[-3:]
        ):
            unique.append(fields)
    return [Claim(id=f"c{i}", **fields) for i, fields in enumerate(_credited(unique), 1)]


def _credited(claims: list[dict]) -> list[dict]:
    """A figure stated twice (the headline's "17.6 pct", the body's "17.6 percent, the statistics office
    said") is credited where the text credits it once: the same indicator, value and unit; and a sentence's
    credit ("according to IMF data, Bangladesh is the 35th largest economy with $460.8 bn") covers its figures."""
    sources, by_sentence = {}, {}
    for f in claims:
        if f.get("attribution"):
            by_sentence.setdefault(f["sentence"], f)
            if f.get("metric") and f.get("quantity"):
                sources.setdefault((f["metric"].id, f["quantity"].value, f["quantity"].unit), f)
    out = []
    for f in claims:
        same = sources.get((f["metric"].id, f["quantity"].value, f["quantity"].unit)) if f.get("metric") and f.get("quantity") else None
        credited = same or by_sentence.get(f["sentence"])
        if credited is not None and not f.get("attribution") and credited is not f:
            lent = [Inherited(field="attribution", text=credited["attribution"], span=credited["span"])] if credited is same else []
            f = {**f, "attribution": credited["attribution"], "inherited": [*f.get("inherited", []), *lent]}
        out.append(f)
    return out


def _with_modality(document: Document, sentence, fields: dict) -> dict:
    span, period = fields["span"], fields.get("period")
    cue = modality.find(document.text, document.lang, sentence.clause_of(span.start), span.start, span.end)
    if cue is None and (header := _list_header(document.text, span.start)):
        cue = modality.find(document.text, document.lang, header, header[1], header[1])  # "…, according to the IMF's projection:"
    if cue is None and period is not None and document.published is not None and period.start > document.published:
        cue = modality.Cue(span.start, span.end, period.label, "forecast")  # a figure for a period still to come
    return fields if cue is None else {**fields, "modality": cue.kind, "modality_cue": cue.text}


def _list_header(text: str, at: int) -> tuple[int, int] | None:
    """The line ending in a colon that a list item at `at` belongs to ("Here are the 20 largest economies in 2023,
    according to the IMF's projection:" over "13. South Korea - $1.71 trillion"): lines in between, no blank one."""
    colon = text.rfind(":\n", max(0, at - 2000), at)
    if colon < 0 or "\n\n" in text[colon:at]:
        return None
    return text.rfind("\n", 0, colon) + 1, colon


def _context(document, sentence, anchor: Mention, found: Found, carried: PeriodMention | None) -> dict:
    """Period: the anchor's clause, else its sentence, else the paragraph so
    far. Places and attribution: the anchor's clause only, since a clause
    about something else ("they met twice last year, while trade between
    China and Russia...") must not lend its places to the figure."""
    clause = sentence.clause_of(anchor.start)
    # A base period is the figure's own when the figure follows it at once: "par rapport à l'année précédente (5,2 %)".
    relatives = [r.span() for r in _grammar_of_periods(document.lang)["relative"].finditer(document.text, sentence.start, sentence.end)]
    usable_periods = [
        p for p in found.periods
        if (p.measured and not _behind_other(document.text, document.lang, anchor, p, found.quantities))
        or (p.since and p.cue is None and _own_figure(document, p, anchor))
    ]
    usable_periods = [p for p in usable_periods if not any(a <= p.start < b and not a <= anchor.start < b for a, b in relatives)]
    # "(2022: 251,8 Milliarden)": a period with a colon labels the figure right after it only.
    usable_periods = [p for p in usable_periods if not (_LABEL.match(document.text, p.end) and not _LABEL.fullmatch(document.text, p.end, anchor.start))]
    # "julio (2,3 %), agosto (2,6 %)": a figure in brackets right after a period is that period's.
    bracketed = next((p for p in usable_periods if p.end <= anchor.start and _OPENED_AFTER.fullmatch(document.text, p.end, anchor.start)), None)
    own = bracketed or _nearest(usable_periods, anchor, clause)
    # "Anfang 2023 hatte ein Fass … 85 Dollar gekostet": a part of a year no source delimits, and no other period.
    # Nearer than any other ("Brasil comenzó 2024 con 4,85 reales…, ya que … en noviembre"), it is the figure's too.
    vagues = [p for p in found.periods if p.vague and clause[0] <= p.start < clause[1]]
    nearest_vague = _nearest(vagues, anchor, clause)
    vague = bool(vagues) and (own is None or (nearest_vague is not None and _nearest([own, nearest_vague], anchor, clause) is nearest_vague))
    period = None if vague else own or _nearest(usable_periods, anchor, (sentence.start, sentence.end)) or carried
    if period is not None and (previous := _set_against(document, anchor, found, clause, period, own)):
        period = previous
    if period is not None and _grammar_of_periods(document.lang)["annual"].search(document.text, *clause):
        period = replace(period, period=months_period(period.period.end.year, 1, 12))
    in_attribution = lambda m: any(a.start <= m.start < a.end for a in found.attributions)  # noqa: E731
    seen: dict[str, PlaceMention] = {}
    for p in found.places:
        if clause[0] <= p.start < clause[1] and not in_attribution(p):
            seen.setdefault(p.code, p)
    attribution = _nearest(found.attributions, anchor, clause)
    return {
        "sentence": document.text[sentence.start : sentence.end],
        "period": period.period if period else None,
        "places": list(seen.values()),
        "attribution": attribution.text if attribution else None,
        "clause": clause,
        "vague": vague,
        "closing": bool(getattr(period, "closing", False)),
    }


@cache
def _grammar_of_periods(lang: str) -> dict[str, re.Pattern]:
    section = lx.load(lang).data.get("periods", {})
    words = lambda key: phrase_pattern(section.get(key, [])) or r"(?!)"  # noqa: E731
    return {
        # A few words may stand between the word and its figure: "compared with a fall of 0.8 percent".
        "against": re.compile(rf"(?:{words('against')})(?:[\s\u00a0\u202f]+[^\s\d]+){{0,3}}[\s\u00a0\u202f]*\Z", re.I),
        # At most an article between ("after 8%", "tras el 3,2 %"): "tras la devaluación del 54 %" follows an event, not a reading.
        "after_previous": re.compile(rf"(?:{words('after_previous')})(?:[\s\u00a0\u202f]+[^\W\d]{{1,4}})?[\s\u00a0\u202f]*\Z", re.I),
        "annual": re.compile(words("annual"), re.I),
        # A relative clause between commas; a comma inside a number ("80,5") has no space after it.
        "relative": re.compile(
            rf",[\s\u00a0]+(?:{phrase_pattern(lx.load(lang).data['sentences'].get('relative', [])) or '(?!)'})[\s\u00a0](?:(?!,\s).)*?,\s", re.I
        ),
        "when": re.compile(rf"[\s\u00a0\u202f,]*(?:{words('when')})(?:[\s\u00a0\u202f]+[^\s\d]+){{0,4}}[\s\u00a0\u202f]*", re.I),
    }


def _set_against(document, anchor: Mention, found: Found, clause, period: PeriodMention, own: PeriodMention | None) -> PeriodMention | None:
    """The reading before, for a figure set against the clause's first with no period of its own: in "11,8 %
    après 6,8 %", "rose 2.2%, after 2%", the second is the series' previous period (the year, quarter or month before)."""
    text = document.text
    word = _grammar_of_periods(document.lang)["after_previous"].search(text, max(clause[0], anchor.start - 40), anchor.start)
    if word is None or (own is not None and own.start >= word.start()):
        return None
    if not any(clause[0] <= q.start and q.end <= word.start() for q in found.quantities):
        return None
    n = months(period.period)
    if not n or n not in (1, 3, 6, 12):
        return None
    return replace(period, period=shift_months(period.period, -n))


def _own_figure(document, period: PeriodMention, anchor: Mention) -> bool:
    """Whether a base period's own figure is the anchor: "l'année précédente (5,2 %)",
    "menor que la de 2022, cuando alcanzó el 8,4 %"."""
    text, lang = document.text, document.lang
    return bool(_PARENTHESIS.fullmatch(text, period.end, anchor.start) or _grammar_of_periods(lang)["when"].fullmatch(text, period.end, anchor.start))


def _behind_other(text: str, lang: str, anchor: Mention, period: PeriodMention, quantities) -> bool:
    """Whether `period` dates another figure, one set against the anchor between the two:
    in "5,6 % après 23,1 % en 2022", "nach 18,6 Prozent 2023", "down from April's 3.7 percent",
    the year or month is the second figure's and not the first's."""
    against = _grammar_of_periods(lang)["against"]
    if period.start < anchor.end:
        return False
    for q in quantities:
        if q.start < anchor.end or (q.end > period.start and q.start - period.end > 20):
            continue
        # The period may sit between the word and its figure, as in "from April's 3.7 percent".
        word = against.search(text, max(anchor.end, min(q.start, period.start) - 40), q.start)
        if word and word.start() <= period.start:
            return True
    return False


def _place(p: PlaceMention, role=None) -> Place:
    return Place(code=p.code, text=p.text, role=role)


def _quantity_claim(document, sentence, q: QuantityMention, found: Found, carried, change=None) -> dict:
    """An amount, a count or a change. A figure is a change when a word of
    direction governs it ("rose 7.8 %", "a reculé de 2,5 %"), when it is
    written with a sign ("+26,7 %"), or when it is a multiplier ("doubled");
    a change carries its sign and its text includes the verb."""
    ctx = _context(document, sentence, q, found, carried)
    quantity, start, end = q.quantity, q.start, q.end
    if change is None and not q.count:
        change = changes.governing(found.masked, document.lang, found.changes, q, *ctx["clause"])
    kind = "count" if q.count else "amount"
    direction, over_time = changes.compared(found.masked, document.lang, q.end) if not q.count else (0, False)
    if direction:
        kind = "change" if over_time else "comparison"
        quantity = quantity.model_copy(update={"value": direction * abs(quantity.value)})
    elif change is not None and change.comparison and change.multiplier is None and not changes.by_before(found.masked, document.lang, q):
        # "topped $34 trillion", "a dépassé 100 euros": a bound on the level, not a difference.
        if quantity.comparator == "=":
            quantity = quantity.model_copy(update={"comparator": ">" if change.direction > 0 else "<"})
    elif change is not None and change.comparison:
        kind = "comparison"
        if change.multiplier is None:  # "beat expectations by $1.5bn"
            quantity = quantity.model_copy(update={"value": change.direction * abs(quantity.value)})
    elif change is not None:
        kind = "change"
        if change.multiplier is None:
            quantity = quantity.model_copy(update={"value": change.direction * abs(quantity.value)})
            start, end = min(start, change.start), max(end, change.end)  # "rose 5 %", "um 12 Prozent gesunken"
    elif quantity.unit in ("%", "pp") and (
        q.signed
        or (any(0 <= b.start - q.end <= 3 and b.marks_change for b in found.bases) and not changes.level(found.masked, document.lang, q))
    ):
        kind = "change"  # "+26,7 %", "6.3% year-on-year", "5,2 % en glissement annuel"
    elif q.share or (quantity.unit == "%" and _comparisons(document.lang).share_noun.search(found.masked, ctx["clause"][0], q.start)):
        kind = "share"
    # What the change is measured against, when the clause says ("trimestral", "q/q").
    basis = _nearest([b for b in found.bases if b.marks_change], q, ctx["clause"]) if kind == "change" else None
    # A bracketed gloss ("ajustées de l'inflation") names no indicator for a figure outside it.
    valued = bool(_value_words(document.lang).search(document.text, max(ctx["clause"][0], q.start - 30), min(ctx["clause"][1], q.end + 30)))
    candidates = [_in_money(m, quantity, valued) for m in found.metrics if not _bracketed_apart(document.text, m, q, ctx["clause"][0])]
    # An unscaled sum beside a market's name is its price, not a flow: "Brent traded at $77.51".
    if not q.scaled and (priced := _per_unit(candidates, quantity, q, ctx["clause"])):
        metric, quantity = priced
    else:
        candidates = [m for m in candidates if _compatible(m, quantity, kind)]
        # A name after a comma starts the next part ("Brent lag bei 16 Dollar, der für WTI im negativen Bereich"):
        # the figure's is the one before, when there is one.
        before = [m for m in candidates if m.end <= q.start]
        if before:
            candidates = [m for m in candidates if m.end <= q.start or not re.search(r"[,;]", document.text[q.end : m.start])]
        metric = _nearest(candidates, q, ctx["clause"]) or _nearest(candidates, q, (sentence.start, sentence.end))
    if metric is None and (named := catalog.named_by_unit(quantity.unit)):
        metric = MetricMention(q.start, q.end, q.text, indicator=named, subject=None)
    period = ctx["period"]
    if kind == "change" and period is not None and calendar_years(period) == 2:
        period = months_period(period.end.year, 1, 12)  # "l'envolée entre 2022 et 2023 (+26,3 %)": 2023 on 2022
    if ctx["closing"] and kind == "amount" and quantity.unit == "%" and (metric is None or catalog.indicators()[metric.indicator].unit == "%"):
        period = months_period(period.end.year, period.end.month, period.end.month)  # "ha cerrado 2023 en el 3,1 %": December's rate
    return {
        "kind": kind,
        "text": document.text[start:end],
        "sentence": ctx["sentence"],
        "span": document.locate(start, end),
        "quantity": quantity,
        "period": period,
        "vague": ctx["vague"],
        "basis": basis.unit if basis else None,
        "places": _with_subject(_parenthesised(document.text, _without_scope(document, ctx["places"], kind), q), q),
        "metric": Metric(id=metric.indicator, text=metric.text) if metric else None,
        "attribution": ctx["attribution"],
    }


def _bracketed_apart(text: str, m: Mention, q: Mention, floor: int) -> bool:
    """Whether `m` stands inside brackets that `q` is outside of (brackets opened in q's clause)."""
    opened = text.rfind("(", floor, m.start)
    if opened < 0 or text.find(")", opened, m.start) >= 0:
        return False
    closed = text.find(")", m.end)
    return closed >= 0 and not opened < q.start < closed


def _without_scope(document, found: list[PlaceMention], kind: str) -> list[PlaceMention]:
    """A level or a change "among the highest in the world" is not the world's: the world
    after "in the", "del", "der" is the scope of a comparison. A share of the world's keeps it."""
    if kind not in ("amount", "change"):
        return found
    (scope, comparative), ranked = _scope_pattern(document.lang), _rank_grammar(document.lang)
    text = document.text

    def is_scope(p: PlaceMention) -> bool:
        # "Menschen der Welt" is the world's people; "una de las más altas del mundo" ranks in it.
        before = max(0, p.start - 50)
        if _possessive(text, p) and ranked.words.search(text, p.end, p.end + 20):
            return True  # "the world's biggest oil importer bought 107 Mt": an epithet's scope
        if p.text[:1].islower() and ranked.words.search(text, max(0, p.start - 40), p.start):
            return True  # "le premier importateur mondial", "el mayor productor mundial"
        return bool(scope.search(text, max(0, p.start - 12), p.start)) and bool(
            ranked.words.search(text, before, p.start) or ranked.one_of.search(text, before, p.start) or comparative.search(text, before, p.start)
        )

    return [p for p in found if not (p.code == "WLD" and is_scope(p))]


_POSSESSIVE = ("'s", "’s")


def _possessive(text: str, p: PlaceMention) -> bool:
    return p.text.endswith(_POSSESSIVE) or text.startswith(_POSSESSIVE, p.end)


@cache
def _scope_pattern(lang: str) -> tuple[re.Pattern, re.Pattern]:
    """(the words right before a scope "world", the comparatives that rank in it)."""
    section = lx.load(lang).data.get("places", {})
    before = re.compile(rf"(?:{phrase_pattern(section.get('scope_before', []))})[\s\u00a0\u202f]*\Z", re.I)
    return before, re.compile(phrase_pattern(section.get("scope_comparatives", [])), re.I)


def _parenthesised(text: str, found: list[PlaceMention], q: Mention) -> list[PlaceMention]:
    """A figure in brackets right after a place is that place's alone: "suivie par l'Irak
    (environ 25,42 millions de tonnes), la Malaisie (19,6 millions de tonnes)…"."""
    for p in found:
        if p.end <= q.start and _OPENED_AFTER.fullmatch(text, p.end, q.start):
            return [p]
    return found


_OPENED_AFTER = re.compile(r"[\s\u00a0]*\([^()]{0,40}")  # a bracket opened after a place or a period


def _with_subject(found: list[PlaceMention], q: Mention) -> list[Place]:
    """The clause's places, the one nearest the figure marked as its subject when
    there are several: in "Japans BIP lag bei 4,2 Billionen Dollar unter
    Deutschlands BIP von 4,5 Billionen Dollar" the 4.5 is Germany's. The order
    is kept, as a bilateral flow reads its reporter and partner from it."""
    if len(found) < 2:
        return [_place(p) for p in found]
    nearest = min(found, key=lambda p: q.start - p.end if p.end <= q.start else p.start - q.end)
    return [_place(p, "subject" if p is nearest else None) for p in found]


def _echo_kinds(masked: str, lang: str, figures: list[QuantityMention], own_claims: list[dict | None]) -> None:
    """A figure that restates or parallels the one before it takes its kind
    (and a change its direction): "fell $2.76, or 3.8%", "a progressé de 0,9 %
    en 2023, après 2,5 % en 2022", "40 % in 2021, compared with less than 10 %"."""
    previous = None
    for q, claim in zip(figures, own_claims):
        if claim is None:
            continue
        if previous is not None and claim["kind"] == "amount" and previous[1]["kind"] in ("change", "share"):
            if changes.echoes(masked, lang, previous[0], q):
                claim["kind"] = previous[1]["kind"]
                claim["basis"] = previous[1].get("basis")
                if claim.get("metric") is None:
                    claim["metric"] = previous[1].get("metric")  # "a progressé de 1,9 %…, contre 1 % en 2022": the same indicator
                if claim["kind"] == "change" and previous[1]["quantity"].value < 0:
                    claim["quantity"] = claim["quantity"].model_copy(update={"value": -abs(claim["quantity"].value)})
        previous = (q, claim)


@dataclass(frozen=True)
class _ComparisonGrammar:
    than: re.Pattern  # "more than", "kürzer als", "plus court que"
    not_adjectives: frozenset[str]  # "rather than" compares nothing
    joiner: re.Pattern  # what stands between a comparative and its place, or two places
    share_noun: re.Pattern  # "la part du nucléaire": a percentage about it is a share


@cache
def _comparisons(lang: str) -> _ComparisonGrammar:
    lex = lx.load(lang)
    section = lex.data.get("comparisons", {})
    bodies = [
        phrase_pattern([t], words=False)[3:-1].replace(r"\{adj\}", r"[^\W\d]+")
        for t in section.get("place_comparatives", [])
    ]
    return _ComparisonGrammar(
        than=re.compile(rf"(?<!\w)(?:{'|'.join(bodies) or '(?!)'})(?!\w)", re.I),
        not_adjectives=frozenset(normalize(w) for w in section.get("not_adjectives", [])),
        joiner=re.compile(r"[\s\u00a0\u202f]*(?:[^\W\d]{1,4}[\s\u00a0\u202f]+|[^\W\d]{1,2}['’])?"),
        share_noun=re.compile(phrase_pattern(lex.data["quantities"].get("share_nouns", [])), re.I),
    )


def _place_comparisons(document, sentence, found: Found, text: str, carried) -> list[tuple[int, dict]]:
    """Comparisons with a place and no figure: "more than Saudi Arabia or
    Russia", "plus que les États-Unis et l'Union européenne réunis", "far
    shorter than China's". The figure compared, if any, is its own claim."""
    g = _comparisons(document.lang)
    out = []
    for m in g.than.finditer(text, sentence.start, sentence.end):
        if normalize(m.group().split()[0]) in g.not_adjectives:
            continue
        rivals, pos = [], m.end()
        while (place := next((p for p in found.places if p.start >= pos and g.joiner.fullmatch(text, pos, p.start)), None)) is not None:
            rivals.append(place)
            pos = place.end
            joined = re.match(r"[\s\u00a0\u202f]*(?:or|and|et|ou|y|o|und|oder|e|u)\b", text[pos : pos + 6], re.I)
            if not joined:
                break
            pos += joined.end()
        if not rivals:
            continue
        anchor = Mention(m.start(), rivals[-1].end, text[m.start() : rivals[-1].end])
        ctx = _context(document, sentence, anchor, found, carried)
        subject = next((p for p in ctx["places"] if p.end <= m.start() and p not in rivals), None)
        metric = _nearest(found.metrics, anchor, ctx["clause"])
        out.append((m.start(), {
            "kind": "comparison",
            "text": anchor.text,
            "sentence": ctx["sentence"],
            "span": document.locate(anchor.start, anchor.end),
            "period": ctx["period"],
            "vague": ctx["vague"],
            "places": ([_place(subject, "subject")] if subject else []) + [_place(p, "rival") for p in rivals],
            "metric": Metric(id=metric.indicator, text=metric.text) if metric else None,
            "attribution": ctx["attribution"],
        }))
    return out


def _from_to_claim(document, a: QuantityMention, b: QuantityMention, ca: dict, cb: dict) -> dict | None:
    """One change from two levels ("de 15,7 à 22,4 millions de tonnes"): the
    difference, in points when the levels are percentages, over the union of
    the two levels' periods."""
    qa, qb = a.quantity, b.quantity  # the levels as written: a verb may have signed the claims
    if not qa.unit and qb.unit:
        qa = qa.model_copy(update={"unit": qb.unit})
    if qa.unit != qb.unit or ca["kind"] == "count" or cb["kind"] == "count":
        return None
    quantity = Quantity(
        value=qb.value - qa.value,
        unit="pp" if qb.unit == "%" else qb.unit,
        comparator="~" if "~" in (qa.comparator, qb.comparator) else "=",
        precision=qa.precision + qb.precision,
    )
    start, end = min(a.start, b.start), max(a.end, b.end)
    pa, pb = ca["period"], cb["period"]
    period = pb or pa
    if pa and pb and pa != pb:
        first, last = sorted((pa, pb), key=lambda p: p.start)
        period = first.model_copy(update={"end": max(first.end, last.end), "label": f"{first.label} to {last.label}"})
    return cb | {
        "kind": "change",
        "text": document.text[start:end],
        "span": document.locate(start, end),
        "quantity": quantity,
        "period": period,
    }


def _ranking_claim(
    document, sentence, m: re.Match | MetricMention | superlatives.SuperlativeMention, found: Found, overtake_re, text, carried
) -> dict | None:
    """A rank word right before a metric ("premier fournisseur de pétrole
    brut", "top crude supplier", "troisième économie mondiale"), or a
    superlative that states the rank itself ("most populous"), with its
    subject, the market it ranks in, and the rival it overtook."""
    if isinstance(m, MetricMention):
        metric, rank, start, end = m, m.rank, m.start, m.end
        g = _rank_grammar(document.lang)
        if rank == 1 and (before := g.ordinal_before.search(text, max(0, start - 60), start)):
            rank, start = g.ordinals[normalize(before.group(1))], before.start()  # "the fifth most populous country"
    else:
        g = _rank_grammar(document.lang)
        if isinstance(m, superlatives.SuperlativeMention):  # read by its form: "wertvollstes"
            word, start, end, superlative = m.text, m.start, m.end, m.rank
        else:
            word, start, end = normalize(m.group(1)), m.start(), m.end()
            superlative = g.superlatives.get(word)
            if superlative is None and (position := g.positions.fullmatch(m.group(1))):
                n = position.group("n")
                superlative = int(n) if n.isdigit() else written_value(n, document.lang)  # "Platz vier"
                if not superlative:
                    return None
        # At most two plain words between the rank and the metric ("top crude
        # supplier"), so "the first half of 2023 exports" is no ranking.
        metric = next(
            (x for x in found.metrics if x.rank is None and _RANK_GAP.fullmatch(text, end, x.start)),
            None,
        )
        if superlative is not None:
            if g.one_of.search(text, max(0, start - 30), start) or g.not_superlative.match(text, end) or g.bounded.match(text, end):
                return None
            if g.comparative.match(text, start) and not g.article_before.search(text, max(0, start - 40), start):
                return None  # "0,7 % plus élevé qu'en 2019", "un precio más alto": a comparison
            rank = superlative
            if rank == 1 and (before := g.ordinal_before.search(text, max(0, start - 60), start)):
                rank, start = g.ordinals[normalize(before.group(1))], before.start()
        elif metric is None:
            noun = g.noun.match(text, end)
            if noun is None:
                return None
            rank, end = g.ordinals[word], noun.end()
        else:
            rank = g.ordinals[word]
        if metric is not None:
            end = metric.end
    g = _rank_grammar(document.lang)
    word_end = m.end if not isinstance(m, re.Match) else m.end()
    if g.events.match(text, word_end):
        return None  # "la première baisse de population": the first decline, not the first population
    anchor = Mention(start, end, text[start:end])
    ctx = _context(document, sentence, anchor, found, carried)
    if g.joined.match(text, word_end) or g.joined.search(text, max(ctx["clause"][0], start - 25), word_end + 1):
        rank = None  # "third- and fourth-biggest": a list of ranks, no single place's
    region = g.regional.search(text, *ctx["clause"])
    pool: list[PlaceMention] = ctx["places"]
    rival = None
    if o := next(overtake_re.finditer(text, *ctx["clause"]), None):
        rival = next((p for p in pool if 0 <= p.start - o.end() <= 15), None)
        if rival is not None and _rank_grammar(document.lang).passive.search(text, o.end(), rival.start):
            # "unseated by Germany": the place after the verb did the overtaking. The rank
            # stands; which way the overtaking went is left unread rather than read backwards.
            pool, rival = [p for p in pool if p.code != rival.code], None
    # The market is named right after the metric ("... de la Chine", "of
    # China") or as a possessive before the rank ("China's top supplier").
    counterpart = None
    if metric is not None and metric.subject:
        counterpart = next((p for p in pool if 0 <= p.start - metric.end <= 8 and p is not rival), None) or next(
            (p for p in pool if 0 <= start - p.end <= 4 and p is not rival), None
        )
    elif metric is None:
        # "China's No. 1 supplier": with no indicator named, a possessive still names the market; the text
        # before may lend the indicator (`Context.complete`).
        counterpart = next((p for p in pool if 0 <= start - p.end <= 4 and _possessive(text, p) and p is not rival), None)
    subject = next((p for p in pool if p is not rival and p is not counterpart and p.code not in AGGREGATES), None)
    if subject is not None and g.lost.search(text, max(ctx["clause"][0], start - 60), start):
        # "Japan lost its place as third economy to Germany": the rank is the winner's,
        # taken from the loser. Without a winner named, the rank is no longer the
        # subject's, which no table confirms by itself: no rank is read.
        winner = next((p for p in pool if p.start > start and g.to_winner.search(text, start, p.start)), None)
        if winner is None:
            rank = None
        else:
            # "elle a perdu son titre … au profit de l'Inde": the loser may be a pronoun, the winner the only place named.
            subject, rival = winner, (subject if subject is not winner else None)
    roles = [(subject, "subject"), (counterpart, "counterpart"), (rival, "rival")]
    return {
        "kind": "ranking",
        "text": anchor.text,
        "sentence": ctx["sentence"],
        "span": document.locate(anchor.start, anchor.end),
        "rank": rank,
        "scope": region.group() if region else None,
        "period": ctx["period"],
        "vague": ctx["vague"],
        "places": [_place(p, role) for p, role in roles if p is not None],
        "metric": Metric(id=metric.indicator, text=metric.text) if metric else None,
        "attribution": ctx["attribution"],
    }
