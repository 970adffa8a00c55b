"""Which currency a shared name means. "Pesos" are Mexican, Argentine or
Colombian, "livres" sterling, Turkish or Egyptian: the lexicon gives each
such word a default, and the sentence may say otherwise, by a fuller name
earlier on ("La livre turque ... 25,74 livres pour un dollar") or, for the
words the lexicon allows, by the one country it is about ("El Gobierno de
Colombia ... 523 billones de pesos").

Which currencies share a name, and which one a country uses, come from CLDR
(babel), so no hand list of pesos or dinars can miss one."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from functools import cache

from .. import catalog
from ..phrases import normalize
from . import lexicon as lx
from .mentions import Mention, PlaceMention, QuantityMention
from .quantities import currency_names

# What may resolve an ambiguous name (the lexicon's `ambiguous_currencies`).
NAME, COUNTRY, RATE = "name", "country", "rate"


@cache
def _forms(lang: str) -> dict[str, frozenset[str]]:
    """The singular and plural of each word of a currency name, paired by
    CLDR's own two names ("livre turque" / "livres turques")."""
    from babel import Locale
    from babel.numbers import get_currency_name

    pairs: dict[str, set[str]] = defaultdict(set)
    for code in Locale(lang).currencies:
        one, other = (normalize(get_currency_name(code, count=n, locale=lang)).split() for n in (1, 2))
        if len(one) == len(other):
            for a, b in zip(one, other):
                pairs[a] |= {a, b}
                pairs[b] |= {a, b}
    return {k: frozenset(v) for k, v in pairs.items()}


@cache
def family(word: str, lang: str) -> frozenset[str]:
    """The codes of every currency whose name contains `word`, in either
    number: "livres" -> GBP, TRY, EGP, LBP, ..."""
    forms = _forms(lang)
    wanted = [forms.get(t, frozenset({t})) for t in word.split()]
    return frozenset(
        code for name, code in currency_names(lang).items() if all(any(t in w for t in name.split()) for w in wanted)
    )


@cache
def full_names(lang: str) -> frozenset[str]:
    """Currency names of more than one word: those that say which currency
    they mean ("peso argentino", "Indian rupee", "dollars américains")."""
    return frozenset(n for n in _names(lang) if len(n.split()) > 1)


@cache
def _index(lang: str) -> lx.PhraseIndex:
    return lx.PhraseIndex(full_names(lang))


@cache
def _names(lang: str) -> dict[str, str]:
    lex = lx.load(lang)
    return currency_names(lang) | {k: v for k, v in lex.table("currencies").items() if isinstance(v, str)}


def names(text: str, lang: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Every full currency name in `text[start:end]`: what an ambiguous name
    may be resolved by."""
    window = text[start:end]
    return [Mention(start + s, start + e, window[s:e]) for s, e, _ in _index(lang).finditer(window)]


def resolve(text: str, lang: str, quantities: list[QuantityMention], places: list[PlaceMention], sentences) -> list[QuantityMention]:
    """The quantities, each named by an ambiguous word given the currency its
    sentence points to, when it points to exactly one. `sentences` gives the
    (start, end) of the sentences, called only when some name is ambiguous."""
    modes = lx.load(lang).table("quantities", "ambiguous_currencies")

    def mode_of(q: QuantityMention) -> str | None:
        mode = modes.get(q.currency or "")
        # "dollars" alone are too common to move: only an exchange rate ("1,47 dollar
        # pour un euro") after a fuller name is clear enough.
        if mode == RATE and catalog.unit_family(q.quantity.unit.partition(" / ")[2]) != "money":
            return None
        return mode

    if not any(mode_of(q) for q in quantities):
        return quantities
    table = _names(lang)
    bounds = sentences()
    out = []
    for q in quantities:
        if (mode := mode_of(q)) is None:
            out.append(q)
            continue
        head, sep, tail = q.quantity.unit.partition(" / ")
        start, end = next(((s, e) for s, e in bounds if s <= q.start < e), (0, len(text)))
        codes = family(q.currency, lang)
        before = [n for n in names(text, lang, start, q.start) if table[normalize(n.text)] in codes]
        code = table[normalize(before[-1].text)] if before else None
        if code is None and mode == COUNTRY:
            code = _country_currency(places, start, end, codes)
        if code is not None and code != head:
            q = replace(q, quantity=q.quantity.model_copy(update={"unit": code + sep + tail}))
        out.append(q)
    return out


def _country_currency(places: list[PlaceMention], start: int, end: int, codes: frozenset[str]) -> str | None:
    """The currency of the sentence's one country, if it is one of `codes`."""
    import pycountry
    from babel.numbers import get_territory_currencies

    countries = {p.code for p in places if start <= p.start < end and pycountry.countries.get(alpha_3=p.code)}
    if len(countries) != 1:
        return None
    country = pycountry.countries.get(alpha_3=countries.pop())
    used = [c for c in get_territory_currencies(country.alpha_2) if c in codes]
    return used[0] if len(used) == 1 else None
