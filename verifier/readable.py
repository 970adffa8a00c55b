"""How values read for people: in verdict messages and in every human-facing rendering.

Models hold full magnitudes (218170000000.0 USD); people read "218.17 bn USD".
Nothing here is used to judge: rounding happens only on the way out.
"""

from __future__ import annotations

import math

from .models import Interval, Quantity

_SCALES = ((1e12, "tn"), (1e9, "bn"), (1e6, "M"))
# Tonnes read best with SI prefixes ("107.02 Mt"), the way trade statistics print them.
_TONNE_SCALES = ((1e9, "Gt"), (1e6, "Mt"), (1e3, "kt"))
_COMPARATORS = {"=": "", "~": "~", ">": "> ", ">=": "≥ ", "<": "< ", "<=": "≤ "}


def unit_label(unit: str) -> str:
    if unit.startswith("1 / "):
        return "per " + unit[4:]
    return unit.replace(" / ", "/")


def _number(x: float, digits: int) -> str:
    if x != 0 and abs(x) < 1:
        # Small magnitudes (shares as fractions, prices per kWh) need significant
        # digits, not fixed decimals, or they all round to "0".
        text = f"{x:.{digits + 1}g}"
        return text if "e" not in text else f"{x:.{digits}e}"
    text = f"{x:,.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _scale(value: float, unit: str) -> tuple[float, str]:
    """The factor to divide by and what follows the number ("bn USD", "Mt")."""
    label = unit_label(unit)
    if unit == "%":
        return 1.0, "%"
    tonnes = unit == "tonne"
    for factor, word in _TONNE_SCALES if tonnes else _SCALES:
        if abs(value) >= factor:
            return factor, word if tonnes else f"{word} {label}".strip()
    return 1.0, "t" if tonnes else label


def _parts(value: float, unit: str, digits: int) -> tuple[str, str]:
    """The number and what follows it ("218.17", "bn USD")."""
    if math.isnan(value):
        return "n/a", ""
    if math.isinf(value):
        return ("-∞" if value < 0 else "∞"), unit_label(unit)
    factor, suffix = _scale(value, unit)
    return _number(value / factor, digits), suffix


def _join(number: str, suffix: str) -> str:
    if suffix == "%":
        return number + suffix
    return f"{number} {suffix}".rstrip()


def format_magnitude(value: float, unit: str = "", *, digits: int = 2, signed: bool = False) -> str:
    """`218170000000.0, "USD"` -> "218.17 bn USD"; `85.96e6, "tonne"` -> "85.96 Mt"; `2.0, ""` -> "2"."""
    text = _join(*_parts(value, unit, digits))
    if signed and value > 0:
        return "+" + text
    return text


def format_quantity(quantity: Quantity, *, signed: bool = False) -> str:
    """A claim's quantity as the text meant it, with its comparator ("≥ 220 M USD")."""
    return _COMPARATORS[quantity.comparator] + format_magnitude(quantity.value, quantity.unit, signed=signed)


def format_interval(interval: Interval, unit: str = "", *, bare: bool = False) -> str:
    """"218.15 – 218.25 bn USD", "> 220 M USD", "any value". `bare` drops the
    unit when both bounds share it, for a message that has just stated it:
    "Article: 218.2 bn USD (218.15–218.25)"."""
    low, high = interval.low, interval.high
    if low is None and high is None:
        return "any value"
    if high is None:
        return ("≥ " if interval.low_inclusive else "> ") + format_magnitude(low, unit)
    if low is None:
        return ("≤ " if interval.high_inclusive else "< ") + format_magnitude(high, unit)
    if low == high:
        return format_magnitude(low, unit)
    # Bounds are often closer than two decimals can tell apart: add digits until
    # rounding moves each bound by under a tenth of the width, so "218.195 –
    # 218.205" is not printed as "218.19 – 218.21", nor "218.2 – 218.2".
    factor = max(_scale(low, unit)[0], _scale(high, unit)[0])
    digits = 2
    while digits < 8 and 0.5 * 10**-digits * factor > (high - low) / 10:
        digits += 1
    (lo_n, lo_s), (hi_n, hi_s) = _parts(low, unit, digits), _parts(high, unit, digits)
    if lo_s == hi_s and bare and interval.low_inclusive and interval.high_inclusive:
        # A dash between negative numbers reads as a minus: "-18.5 to -17.5".
        return f"{lo_n} to {hi_n}" if low < 0 else f"{lo_n}–{hi_n}"
    if lo_s == hi_s:
        lo, hi, tail = lo_n, hi_n, f" {hi_s}".rstrip() if hi_s != "%" else "%"
    else:
        lo, hi, tail = _join(lo_n, lo_s), _join(hi_n, hi_s), ""
    if interval.low_inclusive and interval.high_inclusive:
        return f"{lo} to {hi}{tail}" if low < 0 else f"{lo} – {hi}{tail}"
    opening = "[" if interval.low_inclusive else "("
    closing = "]" if interval.high_inclusive else ")"
    return f"{opening}{lo}, {hi}{closing}{tail}"


def digits_for(value: float, precision: float, unit: str = "") -> int:
    """Decimals that show a figure as finely as a claim of that `precision`
    is written, and one more: so "1.43 bn" is compared with "1.438 bn", not
    with a "1.44 bn" that seems outside its interval."""
    factor, _ = _scale(value, unit)
    if precision <= 0:
        return 2
    return max(2, min(6, math.ceil(-math.log10(precision / factor)) + 1))


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
