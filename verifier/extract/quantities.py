"""Find quantities: a number, its scale word, its unit or currency, its hedge.

The number itself is read by `numbers`; this module recognises what stands
around it, from the language's lexicon: "près de 218,2 milliards de
dollars", "$218.2bn", "107 Mt", "à deux reprises"."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from .. import catalog
from ..models import Quantity
from ..phrases import normalize, phrase_pattern
from . import lexicon as lx
from .mentions import QuantityMention
from .numbers import DIGITS, Number, decimal_mark, parse_digits, precision, written_value

_SPACE = r"[\s\u00a0\u202f]"
_PREFIX_CURRENCY = {"us$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
# Local symbols news writes glued to the figure ("RM4.5605", "R$ 5,39", "₹83"); letters in capitals only, so "rm" stays a word.
_LOCAL_PREFIX = {"RM": "MYR", "R$": "BRL", "Rs": "INR", "Rs.": "INR", "₹": "INR", "₽": "RUB", "₩": "KRW", "₺": "TRY", "₦": "NGN", "₱": "PHP"}
_LOCAL_BEFORE = re.compile("(?<![\\w$])(" + "|".join(re.escape(k) for k in sorted(_LOCAL_PREFIX, key=len, reverse=True)) + ")[\\s\u00a0]?\\Z")
# An ISO 4217 code written before or after the figure ("CHF 4'215 million",
# "850 millions EUR"); capitals only, so "all" and "top" stay words.
_CODE_AFTER = re.compile(r"[\s\u00a0\u202f]*([A-Z]{3})(?![\w])")
_CODE_BEFORE = re.compile(r"(?<![\w])([A-Z]{3})[\s\u00a0\u202f]?\Z")
_YEARS = range(1800, 2101)
# Clock times ("14:30") and phone numbers ("+33 1 23 45 67 89", "01 23 45 67
# 89") are blotted out before numbers are read.
_NOT_FIGURES = re.compile(
    r"(?<![\w.,])\d{1,2}[:h]\d{2}(?!\d)"
    r"|(?<![\w.,])(?:\+\d{1,3}|0\d{0,3})(?:[\s.\-/]\(?\d{1,4}\)?){2,}(?!\d)"
    # North American: (202) 512-1800; the period finder may have blotted "1800" (NUL) as a year already.
    r"|\(\d{3}\)[\s\u00a0]?[\d\x00]{3}-[\d\x00]{4}(?![\d\x00])|(?<![\w.,])\d{3}-[\d\x00]{3}-[\d\x00]{4}(?![\d\x00])"
)


@dataclass(frozen=True)
class _Grammar:
    decimal: str
    scale: re.Pattern
    unit: re.Pattern
    linked: re.Pattern  # "de" in "218 milliards DE dollars"
    linked_code: re.Pattern
    word_unit: re.Pattern  # a unit as a whole word, matched where a prefix left off
    currency_word: re.Pattern  # the news names of currencies ("yuan", "yen")
    written: re.Pattern
    comparator: re.Pattern
    prefix: re.Pattern
    reference: re.Pattern
    not_figures: re.Pattern
    per: re.Pattern  # "per", "a", "le" in "$100 a barrel"
    against: re.Pattern  # "contre le", "against the" in "le yuan à 7,2766 contre le dollar": a rate's second currency
    subject_currency: re.Pattern  # "l'euro", "the yen": a currency a later money figure prices
    per_before: re.Pattern  # "a barrel of", "le baril de" before the price: "A barrel of Brent cost $77.72"
    share: re.Pattern
    share_before: re.Pattern
    scales: dict[str, float]
    units: dict[str, tuple[str, float]]
    count_nouns: frozenset[str]
    count_words: re.Pattern
    echo_before: re.Pattern
    fractions: re.Pattern
    fraction_comparator: re.Pattern
    fraction_comparators: dict[str, str]
    comparators: dict[str, str]
    amounts: re.Pattern  # "a" in "a billion", "half a" in "half a percentage point"
    scale_articles: dict[str, float]
    written_amounts: dict[str, float | list]


@cache
def currency_names(lang: str) -> dict[str, str]:
    """Every currency's name in the language, singular and plural, from CLDR
    ("francs suisses", "Norwegian kroner", "Schweizer Franken")."""
    from babel import Locale
    from babel.numbers import get_currency_name

    names = {}
    for code in Locale(lang).currencies:
        if len(code) == 3 and code.isalpha():
            for count in (1, 2):
                names[normalize(get_currency_name(code, count=count, locale=lang))] = code
    return names


@cache
def currency_codes() -> frozenset[str]:
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


# Between two figures of one range: "de 15,7 à 22,4 millions de tonnes".
_RANGE_LINK = re.compile(r"[\s\u00a0\u202f]*(?:à|a|al|to|bis|auf|y|et|and|und|-|–)[\s\u00a0\u202f]*", re.I)


@cache
def grammar(lang: str) -> _Grammar:
    lex = lx.load(lang)
    scales = lex.table("scales")
    # The lexicon's own names (what news writes: "dollars", "francs") win over CLDR's.
    currencies = currency_names(lang) | lex.table("currencies")
    units: dict[str, tuple[str, float]] = {k: (v, 1.0) for k, v in currencies.items() if isinstance(v, str)}
    for key, value in lex.table("units").items():
        units[key] = (value, 1.0) if isinstance(value, str) else (value[0], float(value[1]))
    for key, value in lex.table("currencies").items():
        if not isinstance(value, str):  # a currency with a scale ("M€")
            units[key] = (value[0], float(value[1]))
    count_nouns = frozenset(normalize(w) for w in lex.data["quantities"]["count_nouns"])
    for noun in count_nouns:
        units[noun] = ("", 1.0)
    # Scale words may stick to the digits ("218.2bn"), so no word boundary before them.
    scale_alt = phrase_pattern(scales).replace(r"(?<![\w])", "")
    unit_alt = phrase_pattern(units)
    glued_unit_alt = unit_alt.replace(r"(?<![\w])", "")
    links = phrase_pattern(lex.data["quantities"]["links"], words=False)
    written = phrase_pattern(lex.written_numbers)
    comparators = lex.table("comparators")
    # "plus du quart", "más de la mitad": before a fraction's own article the comparator has lost its "de".
    fraction_comparators = comparators | lex.table("quantities", "fraction_comparators")
    return _Grammar(
        decimal=lex.data["numbers"]["decimal"],
        scale=re.compile(rf"{_SPACE}?({scale_alt})", re.I),
        # A unit may be hyphenated to its figure ("a 3,500-km pipeline")
        # or stick to it ("10km", "21.1C"), so no word boundary before the unit either.
        unit=re.compile(rf"(?:{_SPACE}*|-)({glued_unit_alt})", re.I),
        # The big unit alternation is compiled twice only (glued and whole-word):
        # compiling it is most of the extractor's start-up time.
        linked=re.compile(rf"{_SPACE}+{links}{_SPACE}*", re.I),
        word_unit=re.compile(f"({unit_alt})", re.I),
        currency_word=re.compile(f"({phrase_pattern(lex.table('currencies'))})", re.I),
        linked_code=re.compile(rf"{_SPACE}+{links}{_SPACE}*([A-Z]{{3}})(?![\w])"),
        written=re.compile(rf"{written}(?:(?:{_SPACE}|-)+(?:et{_SPACE}+|and{_SPACE}+)?{written})*", re.I),
        comparator=re.compile(rf"({phrase_pattern(comparators)}){_SPACE}*\Z", re.I),
        prefix=re.compile(r"(US\$|\$|€|£|¥)" + _SPACE + r"?\Z", re.I),
        share=re.compile(
            rf"{_SPACE}(?:{phrase_pattern(lex.data['quantities'].get('share_links', []))})(?:{_SPACE}|(?<=['’]))"
            # "de su capacidad": a possessive may stand before the whole.
            rf"(?!(?:[^\W\d]+{_SPACE})?{phrase_pattern(lex.data['quantities'].get('ratio_wholes', []))})[^\W\d]",
            re.I,
        ),
        share_before=re.compile(
            rf"(?:{phrase_pattern(lex.data['quantities'].get('share_before', []))})(?:{_SPACE}+[^\W\d]+){{0,2}}{_SPACE}*\Z", re.I
        ),
        subject_currency=re.compile(
            rf"(?<!\w)(?:{phrase_pattern(lex.data['quantities'].get('currency_subject', [])) or '(?!)'})(?:{_SPACE}+|(?<=['’]))"
            rf"({phrase_pattern(lex.table('currencies'))})(?!{_SPACE}*-?(?:{phrase_pattern(lex.data['quantities'].get('currency_areas', [])) or '(?!)'}))",
            re.I,
        ),
        against=re.compile(rf"{_SPACE}*(?:{phrase_pattern(lex.data['quantities'].get('against_currency', [])) or '(?!)'}){_SPACE}*", re.I),
        per=re.compile(rf"{_SPACE}*(?:{phrase_pattern(lex.data['quantities'].get('per', []))})(?:{_SPACE}*|(?<=['’]))", re.I),
        per_before=re.compile(
            rf"(?:{phrase_pattern(lex.data['quantities'].get('per_before', [])) or '(?!)'})(?:{_SPACE}|(?<=['’]))({unit_alt})", re.I
        ),
        not_figures=_not_figures(lex.data["quantities"].get("not_figures", [])),
        # "page 12", and the end of a range of them: "pages 112 à 118".
        reference=re.compile(
            rf"(?:{phrase_pattern(lex.data['quantities'].get('references', []))}){_SPACE}*"
            rf"(?:\d+{_RANGE_LINK.pattern})?\Z",
            re.I,
        ),
        scales=scales,
        units=units,
        count_nouns=count_nouns,
        echo_before=re.compile(
            rf"(?:{phrase_pattern(lex.data.get('changes', {}).get('echo', []) + lex.data.get('changes', {}).get('from', []))}){_SPACE}*\Z", re.I
        ),
        fractions=re.compile(f"({phrase_pattern(lex.data['quantities'].get('fractions', {}))})", re.I),
        fraction_comparator=re.compile(rf"({phrase_pattern(fraction_comparators)}){_SPACE}*\Z", re.I),
        fraction_comparators=fraction_comparators,
        count_words=re.compile(f"({phrase_pattern(lex.data['quantities'].get('count_words', {}))})", re.I),
        comparators=comparators,
        amounts=re.compile(f"({phrase_pattern(lex.table('quantities', 'scale_articles') | lex.table('quantities', 'written_amounts'))})", re.I),
        scale_articles=lex.table("quantities", "scale_articles"),
        written_amounts=lex.table("quantities", "written_amounts"),
    )


def find(text: str, lang: str) -> list[QuantityMention]:
    """Every quantity in `text`, in order. Periods should be masked first."""
    g = grammar(lang)
    found = []
    text = _NOT_FIGURES.sub(lambda m: "\x00" * len(m.group()), text)
    text = g.not_figures.sub(lambda m: "\x00" * len(m.group()), text)
    decimal = decimal_mark(text, g.decimal)
    if decimal != g.decimal:
        g = replace(g, decimal=decimal)
    for m in DIGITS.finditer(text):
        if (number := parse_digits(m.group("digits"), g.decimal)) is not None:
            if m.group("sign") in ("-", "−"):
                number = Number(-number.value, number.step, number.trailing_zeros)
            if q := _assemble(text, m.start(), m.end(), number, g, written=False, signed=bool(m.group("sign"))):
                found.append(q)
    for m in g.written.finditer(text):
        if any(q.start <= m.start() < q.end for q in found):
            continue  # "mil" inside "15 765 mil millones"
        value = written_value(re.sub(r"[\s\u00a0\u202f]+", " ", m.group()), lang)
        if value is not None:
            if q := _assemble(text, m.start(), m.end(), Number(float(value), 1.0, 0), g, written=True):
                found.append(q)
    for m in g.amounts.finditer(text):
        if not any(q.start <= m.start() < q.end for q in found) and (q := _written_amount(text, m, g)):
            found.append(q)
    counts = lx.load(lang).table("quantities", "count_words")
    for m in g.count_words.finditer(text):
        quantity = Quantity(value=float(counts[normalize(m.group())]), unit="")
        found.append(QuantityMention(m.start(), m.end(), m.group(), quantity, count=True))
    fractions = lx.load(lang).table("quantities", "fractions")
    for m in g.fractions.finditer(text):
        if any(q.start <= m.start() < q.end for q in found):
            continue  # "a quarter of" in "a quarter of a percentage point"
        # "knapp die Hälfte", "two-thirds of": an exact share, hedged by its own comparator.
        start, comparator = m.start(), "="
        if c := g.fraction_comparator.search(text, max(0, start - 30), start):
            comparator, start = g.fraction_comparators[normalize(c.group(1))], c.start()
        quantity = Quantity(value=float(fractions[normalize(m.group())]), unit="%", comparator=comparator)
        found.append(QuantityMention(start, m.end(), text[start : m.end()], quantity, share=True))
        # "one in five", "uno de cada cinco": the number inside the fraction is part of it.
        found = [q for q in found if q.share or not (start <= q.start < m.end())]
    found.sort(key=lambda q: q.start)
    return _carry_units(text, found, g)


def _written_amount(text: str, m: re.Match, g: _Grammar) -> QuantityMention | None:
    """"a billion dollars", "einer Billion Euro" (one of the scale), "half a
    percentage point", "medio punto" (a fraction of a unit or scale): the
    article or fraction is a figure only with the scale or unit after it."""
    key = normalize(m.group(1))
    if key in g.scale_articles:
        scale = g.scale.match(text, m.end())
        # Only a written-out scale word: abbreviations follow digits ("a k-pop star" is no 1,000).
        if not (scale and text[m.end() : m.end() + 1].isspace() and scale.group(1).isalpha() and len(scale.group(1)) > 3):
            return None  # "a barrel", "eine Steuer": an article
        value = g.scale_articles[key]
    elif isinstance(g.written_amounts[key], list):  # a whole amount: "medio punto"
        # ...unless its first words and a unit say more: "medio punto porcentual".
        for short in (k for k, v in g.written_amounts.items() if not isinstance(v, list) and key.startswith(k + " ")):
            head = re.compile(phrase_pattern([short]), re.I).match(text, m.start())
            if head and (q := _assemble(text, m.start(), head.end(), Number(float(g.written_amounts[short]), 1.0, 0), g, written=True)):
                return q
        value, unit = g.written_amounts[key]
        start, comparator = m.start(), "="
        if c := g.comparator.search(text, max(0, start - 30), start):
            comparator, start = g.comparators[normalize(c.group(1))], c.start()
        quantity = Quantity(value=float(value), unit=unit, comparator=comparator)
        return QuantityMention(start, m.end(), text[start : m.end()], quantity)
    else:
        value = g.written_amounts[key]
    # Its own size is the step: "half a million" is read to the nearest quarter million.
    return _assemble(text, m.start(), m.end(), Number(float(value), float(value), 0), g, written=True)


# A capitalised word inside a sentence right before a bare number: a name.
_NAME_BEFORE = re.compile(r"[\w,;:][\s\u00a0]+[A-ZÀ-ÖØ-Þ][^\W\d]+[\s\u00a0]\Z")
# ...unless a capitalised noun follows, as German writes counts: "in Peking 15 Abkommen".
_NOUN_AFTER = re.compile(r"[\s\u00a0]+[A-ZÀ-ÖØ-Þ][^\W\d]+")

# Placeholders of the lexicon's `not_figures` templates.
_SLOTS = {
    "n": r"\d+(?:[.:,]\d+)?",  # a clock time: "0930 GMT", "9.00 Uhr"
    "age": r"\d{1,3}",
    "w": r"(?<=[^\W\d])",  # a word ends here: "The chief executive, 58, said"
    "phone": r"\+?\(?\d[\d\s\u00a0().\-/]{4,}\d",
}


def _not_figures(templates: list[str]) -> re.Pattern:
    """Ages, clock times and phone numbers are written with digits but are not
    figures a claim is about ("the 62-year-old minister", "at 9 a.m.",
    "llamar al 900 123 456"); the lexicon lists the shapes as templates."""
    bodies = []
    for template in templates:
        body = phrase_pattern([template], words=False)[3:-1]
        for slot, pattern in _SLOTS.items():
            body = body.replace(rf"\{{{slot}\}}", pattern)
        if template[0].isalpha():
            body = r"(?<![\w])" + body
        if template[-1].isalpha():
            body += r"(?![\w])"
        bodies.append(body)
    return re.compile("|".join(bodies) or "(?!)", re.I)


_SENTENCE_END = re.compile(r"[.!?…][\s\u00a0]+[A-ZÀ-Þ]")
# What goods are priced by ("a barrel of Brent cost $77.72"): a unit of time, length or
# temperature before a price is the setting of another figure ("un an plus tard, 5 dollars").
_QUOTED_AS_BASE = frozenset({"EUR", "GBP", "AUD", "NZD"})
_PRICED_BY = frozenset({"barrel", "tonne", "liter", "meter ** 3", "foot ** 3", "kilowatt_hour", "megawatt_hour", "gigawatt_hour", "terawatt_hour", "hectare"})


def _carry_units(text: str, found: list[QuantityMention], g: _Grammar) -> list[QuantityMention]:
    """News states a unit once and lets later figures lean on it: "42,1
    millions de tonnes, dont 9,6 millions des États-Unis", "de 15,7 à 22,4
    millions de tonnes". A bare figure takes the unit (and, in a range, the
    scale) of its neighbour in the same sentence."""
    out = list(found)
    for i, q in enumerate(out):
        if (money := _subunit_currency(text, out, i, g)) is not None:
            head, sep, tail = q.quantity.unit.partition(" / ")
            q = out[i] = replace(q, quantity=q.quantity.model_copy(update={"unit": money + sep + tail}))
        if q.quantity.unit and "/" not in q.quantity.unit:
            # "40 euros per megawatt hour, down from more than 340 euros",
            # "3,37 Millionen Barrel pro Tag, 120.000 Barrel mehr": the same rate.
            rate = next((p for p in reversed(out[:i]) if p.quantity.unit.startswith(q.quantity.unit + " / ")), None)
            # A price per unit is never in billions: "$80 a barrel lifted revenue to $10 billion".
            priced = rate is not None and q.scaled and catalog.unit_family(rate.quantity.unit).startswith("money-rate")
            if rate and not priced and not _SENTENCE_END.search(text, rate.end, q.start):
                out[i] = replace(q, quantity=q.quantity.model_copy(update={"unit": rate.quantity.unit}))
            continue
        if q.quantity.unit or q.count:
            continue
        after = out[i + 1] if i + 1 < len(out) else None
        # "von 2,9 auf 2,5 Prozent", "entre 3,5 billions et 4,3 billions de dollars": one unit for both ends.
        if after and after.quantity.unit and q.scaled == after.scaled and _RANGE_LINK.fullmatch(text, q.end, after.start):
            out[i] = replace(q, quantity=q.quantity.model_copy(update={"unit": after.quantity.unit}))
            continue
        # Only a figure too small to stand alone takes the scale: not "by 22,000 to 2.71 million".
        if not q.scaled and abs(q.quantity.value) < 1000 and after and after.scaled and _RANGE_LINK.fullmatch(text, q.end, after.start):
            # Rounded to 12 digits: 22.4e6 / 22.4 is not exactly 1e6 in binary.
            ratio = float(f"{after.quantity.value / (_digits_value(after, g) or after.quantity.value):.12g}")
            out[i] = replace(q, quantity=q.quantity.model_copy(update={
                "value": q.quantity.value * ratio, "precision": q.quantity.precision * ratio, "unit": after.quantity.unit}))
            continue
        before = next((p for p in reversed(out[:i]) if p.quantity.unit), None)
        echoed = not q.scaled and g.echo_before.search(text, max(0, q.start - 25), q.start)
        if before and _SENTENCE_END.search(text, before.end, q.start) is None and (
            (q.scaled and before.quantity.unit not in ("%", "pp"))
            # "81 813 megawatts ..., up from 66 780 a year earlier": the level it came from.
            or echoed
        ):
            update = {"unit": before.quantity.unit}
            if echoed and before.scaled and abs(q.quantity.value) < 1000 and before.quantity.unit not in ("%", "pp"):
                # "303 milliards de dollars de PIB, contre 264 en 2017": the same scale too.
                ratio = float(f"{before.quantity.value / (_digits_value(before, g) or before.quantity.value):.12g}")
                update |= {"value": q.quantity.value * ratio, "precision": q.quantity.precision * ratio}
            out[i] = replace(q, quantity=q.quantity.model_copy(update=update))
    return out


def _subunit_currency(text: str, found: list[QuantityMention], i: int, g: _Grammar) -> str | None:
    """The currency a bare hundredth ("Cent", "cents", "centimes") is of: the nearest other
    money figure's in its sentence ("stieg um 40 Cent auf 72,17 Dollar"), when it names another."""
    hundredth = lambda m: bool(m.currency) and g.units.get(m.currency, ("", 1.0))[1] == 0.01  # noqa: E731
    q = found[i]
    if not hundredth(q) or " " in q.currency:
        return None
    head = q.quantity.unit.partition(" / ")[0]
    others = sorted((p for p in found if p.currency and not hundredth(p)), key=lambda p: abs(p.start - q.start))
    for p in others:
        a, b = sorted((p.end, q.end))
        if _SENTENCE_END.search(text, a, b) is None:
            other = p.quantity.unit.partition(" / ")[0]
            return other if catalog.unit_family(other) == "money" and other != head else None
    return None


def _digits_value(q: QuantityMention, g: _Grammar) -> float | None:
    """The number as written, before its scale ("22,4" in "22,4 millions")."""
    m = DIGITS.search(q.text)
    number = parse_digits(m.group("digits"), g.decimal) if m else None
    return number.value if number else None


def _priced_by(text: str, start: int, g: _Grammar) -> str | None:
    """The unit a price is for when it was named before it, in its sentence and with
    no other price between: "Ein Barrel der Sorte Brent kostete am Freitag 77,72 Dollar"."""
    last = None
    for found in g.per_before.finditer(text, max(0, start - 150), start):
        last = found
    # Another price between is the one the unit went with: "un baril à 80 dollars, soit 10 dollars de plus".
    if last is None or _SENTENCE_END.search(text, last.end(), start) or g.currency_word.search(text, last.end(), start):
        return None
    denominator, factor = g.units[normalize(last.group(1))]
    return denominator if denominator in _PRICED_BY and factor == 1.0 else None


def _quoted(text: str, start: int, unit: str, g: _Grammar) -> str | None:
    """The currency a money figure prices, when the sentence's subject is another currency and no
    figure stands between: "l'euro s'échangeait aux alentours de 0,9 dollar" is dollars per euro."""
    last = None
    for found in g.subject_currency.finditer(text, max(0, start - 80), start):
        last = found
    if last is None or _SENTENCE_END.search(text, last.end(), start) or re.search(r"\d", text[last.end() : start]):
        return None
    base = g.units.get(normalize(last.group(1)), (None, 1.0))[0]
    return base if base and catalog.is_currency(base) and base != unit else None


def _after(prefix: re.Pattern, g: _Grammar, text: str, pos: int) -> re.Match | None:
    """A unit right after a linking word ("de", "per") that starts at `pos`."""
    m = prefix.match(text, pos)
    return g.word_unit.match(text, m.end()) if m else None


def _assemble(text: str, start: int, end: int, number: Number, g: _Grammar, *, written: bool, signed: bool = False):
    pos, scale, unit, factor = end, 1.0, None, 1.0
    if m := g.scale.match(text, pos):
        scale, pos = g.scales[normalize(m.group(1))], m.end()
    m = (_after(g.linked, g, text, pos) if scale != 1.0 else None) or g.unit.match(text, pos)
    named = None  # the word that named the currency: "pesos" may yet be resolved to ARS
    if m:
        unit, factor = g.units[normalize(m.group(1))]
        named, pos = normalize(m.group(1)), m.end()
    elif (c := _CODE_AFTER.match(text, pos)) and c.group(1) in currency_codes():
        unit, pos = c.group(1), c.end()
    elif scale != 1.0 and (c := g.linked_code.match(text, pos)) and c.group(1) in currency_codes():
        unit, pos = c.group(1), c.end()  # "4'215 millones de CHF"
    count = m is not None and normalize(m.group(1)) in g.count_nouns
    if g.reference.search(text, max(0, start - 30), start):
        return None
    if unit is None and (p := _LOCAL_BEFORE.search(text, max(0, start - 4), start)):
        unit, start = _LOCAL_PREFIX[p.group(1)], p.start()
    elif unit is None and (p := g.prefix.search(text, max(0, start - 5), start)):
        unit, start = _PREFIX_CURRENCY[p.group(1).lower()], p.start()
    elif unit is None and (c := _CODE_BEFORE.search(text, max(0, start - 4), start)) and c.group(1) in currency_codes():
        unit, start = c.group(1), c.start()
    if start > 0 and text[start - 1].isalpha():
        return None  # glued to capitals that are no currency code: "ABC123" is a name
    # "The yuan averaged 7.08 per dollar", "le yuan à 7,2766 contre le dollar": the currency is named before the figure.
    per = against = None
    if unit is None and scale == 1.0 and not (per := _after(g.per, g, text, pos)):
        against = _after(g.against, g, text, pos)
    if per or against:
        denominator, per_factor = g.units[normalize((per or against).group(1))]
        named_before = [c for c in g.currency_word.finditer(text, max(0, start - 60), start) if not _SENTENCE_END.search(text, c.end(), start)]
        words = [normalize(c.group(1)) for c in named_before]
        words = [w for w in words if catalog.unit_family(g.units[w][0]) == "money" and g.units[w][0] != denominator]
        if catalog.unit_family(denominator) == "money" and words:
            base = g.units[words[-1]][0]
            # Markets quote these in dollars per unit ("the euro at 1.09 against the dollar"), the rest in units per dollar.
            unit = f"{denominator} / {base}" if against and base in _QUOTED_AS_BASE else f"{base} / {denominator}"
            named, pos = words[-1], (per or against).end()
    if unit and catalog.unit_family(unit) == "money" and (per := _after(g.per, g, text, pos) or _after(g.against, g, text, pos)):
        denominator, per_factor = g.units[normalize(per.group(1))]
        # Money per money is an exchange rate ("7.3175 yuan per dollar"), per itself nothing.
        if denominator and denominator != unit and per_factor == 1.0:
            unit, pos = f"{unit} / {denominator}", per.end()
    elif unit and scale == 1.0 and catalog.unit_family(unit) == "money" and (denominator := _priced_by(text, start, g)):
        unit = f"{unit} / {denominator}"
    elif unit and scale == 1.0 and catalog.is_currency(unit) and number.value < 1000 and (base := _quoted(text, start, unit, g)):
        unit = f"{unit} / {base}"

    if written and number.value == 1 and scale == 1.0 and unit in _PRICED_BY:
        return None  # "Ein Barrel kostete…", "un baril": the article before a price's unit, not a count of one
    if unit is None and scale == 1.0:
        if written and number.value < 4:
            return None  # "les deux pays": a determiner, not a figure
        if (
            not written and number.value < 1000 and number.step == 1.0
            and _NAME_BEFORE.search(text, max(0, start - 40), start) and not _NOUN_AFTER.match(text, end)
        ):
            return None  # part of a name: "Force de Sibérie 2", "Nord Stream 2"
        if pos < len(text) and text[pos].isalpha():
            return None  # an ordinal or a code: "1er", "21st", "G20"
        if not signed and number.step == 1.0 and number.value in _YEARS and text[start:end].isdigit():
            return None  # a year the period grammar did not claim: not a quantity
    comparator = "="
    if c := g.comparator.search(text, max(0, start - 30), start):
        comparator, start = g.comparators[normalize(c.group(1))], c.start()
    magnitude = scale * factor
    quantity = Quantity(
        value=float(f"{number.value * magnitude:.12g}"),  # 6 × 0.1 is 0.6, not 0.6000000000000001
        unit=unit or "",
        comparator=comparator,
        precision=0.0 if written and scale == 1.0 else precision(number, magnitude),
    )
    share = unit == "%" and (g.share.match(text, pos) is not None or g.share_before.search(text, max(0, start - 40), start) is not None)
    return QuantityMention(
        start=start, end=pos, text=text[start:pos], quantity=quantity, count=count, signed=signed, share=share, scaled=scale != 1.0,
        currency=named if unit and catalog.unit_family(unit.partition(" / ")[0]) == "money" else None,
    )
