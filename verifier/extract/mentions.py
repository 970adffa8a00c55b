"""What each sub-extractor finds in a text: a span plus what it means.

Offsets are into the text the finder was given (the whole document), so a
mention maps straight to a Span."""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Period, Quantity


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class QuantityMention(Mention):
    quantity: Quantity
    count: bool = False  # a number of occurrences ("à deux reprises", "twice")
    signed: bool = False  # written with an explicit sign ("+26,7 %"): a change
    share: bool = False  # a percentage of a whole ("5.5 % of global electricity")
    scaled: bool = False  # written with a scale word ("9,6 millions")
    currency: str | None = None  # the word that named its currency ("pesos"), which the sentence may resolve


@dataclass(frozen=True)
class PeriodMention(Mention):
    period: Period
    # Where "released"/"publiées" stands when the period dates a publication
    # ("data released last month") rather than what a figure measures.
    cue: int | None = None
    # A point in the past the figure is set against ("since 2018", "the highest
    # since 1975", "seit 2016"), not the period the figure measures.
    since: bool = False
    # A part of the period no source delimits ("Anfang 2023", "mid-2015"): no figure's period.
    vague: bool = False
    # The period's close ("ha cerrado 2023 en el 3,1 %", "fin 2022", "ended 2023 at"): a rate stated
    # at it is its last month's, not the period's average.
    closing: bool = False

    @property
    def publication(self) -> bool:
        return self.cue is not None

    @property
    def measured(self) -> bool:
        """Whether a figure near it may be the figure for this period."""
        return self.cue is None and not self.since and not self.vague


@dataclass(frozen=True)
class PlaceMention(Mention):
    code: str
    kind: str  # name, capital, adjective, aggregate
    # What the place only sets, as no subject of a figure: "venue" ("published in Beijing"),
    # "dateline" ("BERLIN (dpa) -"), "benchmark" ("the U.S. benchmark WTI"), "standard" ("harmonisé
    # au niveau européen"), "event" ("the war in Ukraine"). None: a subject.
    setting: str | None = None


@dataclass(frozen=True)
class MetricMention(Mention):
    indicator: str
    subject: str | None  # the dimension the sentence's subject fills, when the phrase says
    rank: int | None = None  # a superlative states a rank by itself ("most populous")


def mask(text: str, mentions, fill: str = "\x00") -> str:
    """The text with mentions blotted out, offsets unchanged, so that a later
    finder does not read a period's "2023" as a quantity. The default fill is
    neither a space nor a word character, so no later match can run across
    a blotted mention ("0 2023 dollars" is not "0 dollars")."""
    chars = list(text)
    for m in mentions:
        chars[m.start : m.end] = fill * (m.end - m.start)
    return "".join(chars)
