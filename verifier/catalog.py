"""The indicator catalogue (`catalog.toml`): what can be checked and how news names it."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources

from pydantic import BaseModel, ConfigDict

from .phrases import phrase_pattern


class Indicator(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    title: str
    unit: str
    dimensions: tuple[str, ...]
    symmetric: bool = False
    additive: bool = False  # a flow: figures for parts of a period add up to the period's
    aliases: dict[str, tuple[str, ...]] = {}
    supplier_subject: str | None = None
    supplier_aliases: dict[str, tuple[str, ...]] = {}
    superlatives: dict[str, tuple[str, ...]] = {}
    # A verb and its object a few words apart name the indicator too: "China
    # IMPORTED 107 million tonnes of CRUDE OIL", "a importé … de pétrole brut".
    verbs: dict[str, tuple[str, ...]] = {}
    objects: dict[str, tuple[str, ...]] = {}
    parts: tuple[str, ...] = ()  # indicators that add up to this one (exports + imports = trade)
    mirror: str | None = None  # the partner's record of the same flow (exports <-> imports)
    relation: str | None = None  # "exports to": reporter's <relation> partner
    other_measures: dict[str, tuple[str, ...]] = {}  # words that make a figure another measure than this series
    # A rate that is itself a % change ("consumer prices rose 3.1 %" states inflation of 3.1 %): a change in %
    # of it is read as the rate, and never contradicted on that reading alone.
    changes_are_rate: bool = False
    prices: dict[str, tuple[str, ...]] = {}  # the words naming the prices, not the rate: their % change is the rate alone
    changes_are_real: bool = False  # a % change of it in news is real growth unless `nominal` words say otherwise
    nominal: dict[str, tuple[str, ...]] = {}
    latest_year: bool = False  # a level stated without a period reads as the last full year before publication
    # A quote for a day or a week is, in news, the futures market's (front month,
    # often intraday) unless `spot` words say otherwise; this series is a spot close.
    quotes_are_futures: bool = False
    spot: dict[str, tuple[str, ...]] = {}
    average: dict[str, tuple[str, ...]] = {}
    # A year's rate may be published as December on December, not the year's average this series holds:
    # unless `average` words say the average, a year's figure that differs is not called wrong.
    year_end_reading: bool = False
    # Publishers average a period's values differently (a daily fixing, a noon buying rate, a close): within this
    # relative spread a month's or a year's average is the same figure.
    averages_differ: float = 0.0
    # Estimates revised for years after their first release (national accounts, population): a figure off by less
    # than this share from the current edition, in a text published before it, may be the edition it quoted.
    revised_within: float = 0.0
    # A figure this much below the source's whole is most likely a part of it ("72 million Germans" of 84 million
    # people), not the whole misstated: not set against the whole.
    parts_below: float = 0.0
    # A market quoted every day: news gives its change over a month or a year from one close to another, which
    # a change of the period's averages is not; such a change that does not hold is not called wrong on averages.
    closes: bool = False
    divisible: bool = True  # a whole with parts (GDP, people, a flow), so a share of it is a part; a rate or a price has none
    also_in: tuple[str, ...] = ()  # other units news states it in, which the judge converts ("2.15 million barrels a day" of crude)
    in_money: str | None = None  # the value series a money figure named with this indicator's words measures


@cache
def indicators() -> dict[str, Indicator]:
    data = tomllib.loads((resources.files(__package__) / "catalog.toml").read_text("utf-8"))
    out = {}
    for key, entry in data["indicators"].items():
        supplier = entry.pop("supplier", {})
        out[key] = Indicator(
            id=key,
            supplier_subject=supplier.get("subject"),
            supplier_aliases=supplier.get("aliases", {}),
            **entry,
        )
    return out


def stated_in(indicator: Indicator, unit: str | None) -> Indicator | None:
    """The series that publishes the indicator in `unit` itself ("crude.imports.rate", in barrels a day, for
    crude imports in tonnes): a figure the publisher stated in the text's unit is better evidence than one converted."""
    if not unit or unit == indicator.unit or unit not in indicator.also_in:
        return None
    return next((i for i in indicators().values() if i.id.startswith(indicator.id + ".") and i.unit == unit and i.dimensions == indicator.dimensions), None)


def named_by_unit(unit: str) -> str | None:
    """The one indicator a unit alone names: a currency per currency ("78.6 rupees per US dollar") is an
    exchange rate, whatever words surround it. Money or a count alone names none."""
    if unit_family(unit) != "exchange-rate":
        return None
    found = [i.id for i in indicators().values() if unit_family(i.unit) == "exchange-rate"]
    return found[0] if len(found) == 1 else None


def says(indicator_id: str, words: str, text: str) -> re.Match | None:
    """Where `text` uses one of an indicator's `words` lists (`other_measures`, `spot`, `nominal`), in any language."""
    pattern = _words(indicator_id, words)
    return pattern.search(text) if pattern else None


@cache
def _words(indicator_id: str, words: str) -> re.Pattern | None:
    # Every language's words: a sentence in one language quotes another's terms ("PPP", "real", "spot").
    phrases = {p for listed in getattr(indicators()[indicator_id], words).values() for p in listed}
    return re.compile(phrase_pattern(phrases), re.I) if phrases else None


def is_currency(unit: str) -> bool:
    return len(unit) == 3 and unit.isalpha() and unit.isupper()


def unit_family(unit: str) -> str:
    """Which units can be compared at all: money with money (any currency,
    converted later), a count with a count, percent with percent, a physical
    unit with the same unit."""
    if len(unit) == 3 and unit.isupper():
        return "money"
    if "/" in unit:
        head, tail = (part.strip() for part in unit.split("/", 1))
        if len(tail) == 3 and tail.isupper() and (head == "1" or (len(head) == 3 and head.isupper())):
            return "exchange-rate"  # "7.3175 yuan per dollar" (CNY / USD) measures fx.per_usd (1 / USD)
        if head.isupper():
            return "money-rate:" + tail
    return unit


def rate_currency(unit: str) -> str | None:
    """The currency an exchange rate prices in dollars: "CNY / USD" -> "CNY"
    (how fx.per_usd, whose one dimension is the currency, is addressed), and
    of a rate quoted the other way round, in dollars per unit ("USD / EUR": the
    euro at $1.08), the same currency."""
    head, _, tail = (part.strip() for part in unit.partition("/"))
    code = lambda c: len(c) == 3 and c.isupper() and c != "USD"  # noqa: E731
    if tail == "USD" and code(head):
        return head
    return tail if head == "USD" and code(tail) else None
