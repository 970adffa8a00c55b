"""The values a claim accepts, and how a source figure stands against them.

A figure accepts the interval its written digits imply, widened for a hedge
("about") and for an approximate conversion, opened on one side for a bound
("more than"). `rounding` and `said` say in words how the text's wording
and the source's figure relate.
"""

from __future__ import annotations

import math
import tomllib
from functools import cache
from importlib import resources

from ..models import Claim, Interval
from ..readable import digits_for, format_interval, format_magnitude
from ..tolerances import ROUNDING_SLACK, SAME_ORDER, Settings


def interval(claim: Claim, settings: Settings, widen: float = 0.0) -> Interval:
    """The observed values under which the claim holds: the digits' precision,
    widened by the tolerance for hedged figures (and by `widen`, relative, for
    a converted source figure), opened for bounds."""
    q = claim.quantity
    assert q is not None
    v, p = q.value, q.precision
    comparator = "~" if is_multiplier(claim) else q.comparator
    if comparator == "~":
        p += abs(v) * settings.tolerance
    p += abs(v) * widen
    return {
        "=": Interval(low=v - p, high=v + p),
        "~": Interval(low=v - p, high=v + p),
        ">": Interval(low=v - abs(v) * widen, high=None, low_inclusive=widen > 0),
        ">=": Interval(low=v - p, high=None),
        "<": Interval(low=None, high=v + abs(v) * widen, high_inclusive=widen > 0),
        "<=": Interval(low=None, high=v + p),
    }[comparator]


def is_multiplier(claim: Claim) -> bool:
    """"doubled", "a triplé", "halbiert": a change stated by a word, no digits.
    It is as loose as a hedge ("about twice")."""
    q = claim.quantity
    return bool(q and claim.kind in ("change", "comparison") and q.precision == 0 and not any(ch.isdigit() for ch in claim.text))


def _close(x: float, bound: float) -> bool:
    # Bounds are compared with a relative epsilon: 218.2e9 - 0.05e9 is not
    # exactly representable, and a figure on the bound must count as inside.
    return abs(x - bound) <= 1e-9 * max(abs(x), abs(bound))


def contains(i: Interval, x: float) -> bool:
    if math.isnan(x):
        return False
    if i.low is not None and (x < i.low and not _close(x, i.low) or (not i.low_inclusive and (x <= i.low or _close(x, i.low)))):
        return False
    if i.high is not None and (x > i.high and not _close(x, i.high) or (not i.high_inclusive and (x >= i.high or _close(x, i.high)))):
        return False
    return True


def distance(i: Interval, x: float) -> float:
    """How far `x` lies outside `i` (0 inside)."""
    if i.low is not None and x < i.low:
        return i.low - x
    if i.high is not None and x > i.high:
        return x - i.high
    return 0.0


def beyond_order(a: float, b: float) -> bool:
    """Two positive figures more than `SAME_ORDER` times apart: no misstatement of the one is the other."""
    return a > 0 and b > 0 and max(a / b, b / a) > SAME_ORDER


def widened(i: Interval, by: float) -> Interval:
    """`i` widened by `by` (absolute) at each closed end."""
    return Interval(low=None if i.low is None else i.low - by, high=None if i.high is None else i.high + by)


def as_published(value: float) -> tuple[float, float]:
    """The values a source's figure stands for, given the digits it was published
    with: 190.27 (bn) is 190.265–190.275, so a text's 190.271 does not
    contradict it. The shortest decimal form of the float is the published
    one for figures read from text and CSV; a figure published with trailing
    zeros gets a wider band than it needs, which only ever spares the text."""
    if value == 0 or not math.isfinite(value):
        return value, value
    digits = repr(abs(value)).lower()
    mantissa, _, exponent = digits.partition("e")
    whole, _, fraction = mantissa.partition(".")
    fraction = fraction.rstrip("0")
    if fraction:
        step = 10.0 ** -len(fraction)
    else:
        step = 10.0 ** (len(whole) - len(whole.rstrip("0")))
    half = step / 2 * 10.0 ** int(exponent or 0)
    return value - half, value + half


def overlaps(i: Interval, low: float, high: float) -> bool:
    """Whether any value in [low, high] lies in `i`."""
    if math.isnan(low) or math.isnan(high):
        return False
    if low > high:
        low, high = high, low
    if contains(i, low) or contains(i, high):
        return True
    inside = i.low if i.low is not None else i.high
    return inside is not None and low < inside < high


@cache
def _below_hedges() -> tuple[str, ...]:
    data = tomllib.loads((resources.files(__package__) / "hedges.toml").read_text("utf-8"))
    return tuple(sorted({w for words in data["below"].values() for w in words}, key=len, reverse=True))


def hedged_below(claim: Claim) -> str | None:
    """The hedge word that puts the true figure just under the written one, if any."""
    text = claim.text.casefold().lstrip()
    return next((w for w in _below_hedges() if text.startswith(w) and text[len(w) : len(w) + 1] in (" ", "\u00a0", "")), None)


def rounding(claim: Claim, observed: float) -> str | None:
    """Why the wording misleads although the figure holds within its digits, or None:
    "nearly 100" for a figure above 100; "more than 218 bn" for 217.96 bn."""
    q = claim.quantity
    assert q is not None
    said = format_magnitude(q.value, q.unit)
    if q.comparator == "~" and (word := hedged_below(claim)) and observed > q.value + abs(q.value) * ROUNDING_SLACK:
        return f"\"{word}\" puts it just under {said}, but the source is above it."
    # A bound is a threshold: "more than one trillion" is not rounded from 811 bn, however coarse "one" is written.
    slack = min(q.precision, abs(q.value) * ROUNDING_SLACK)
    if q.comparator in (">", ">=") and q.value - slack <= observed <= q.value:
        if q.comparator == ">" or observed < q.value and not _close(observed, q.value):
            return f"The figure rounds to {said}, but the text says it is above {said}."
    if q.comparator in ("<", "<=") and q.value <= observed <= q.value + slack:
        if q.comparator == "<" or observed > q.value and not _close(observed, q.value):
            return f"The figure rounds to {said}, but the text says it is below {said}."
    return None


def said(claim: Claim, window: Interval) -> dict[str, str]:
    """The claim's side of a message: its figure and the interval used."""
    q = claim.quantity
    assert q is not None
    signed = claim.kind == "change"
    return {
        "claimed": format_magnitude(q.value, q.unit, signed=signed),
        "interval": format_interval(window, q.unit, bare=True),
    }


def shown_digits(claim: Claim) -> int:
    q = claim.quantity
    assert q is not None
    return digits_for(q.value, q.precision, q.unit)


def gap(claimed: float, observed: float) -> str:
    if not observed:
        return "∞ %"
    g = (claimed - observed) / abs(observed) * 100
    return f"{abs(g):.1f} %"


def side(claimed: float, observed: float) -> str:
    return "above" if claimed > observed else "below"
