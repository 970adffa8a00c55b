"""Read a written number as the language writes it, and the precision its digits imply.

Hand-written because no library reads "218,2" as 218.2 in French and "1,500"
as 1500 in English while also reporting how many digits were written, which
the judge needs for its interval.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A digit group run: "1 234 567,89", "1,234.5", "218,2", "2023", with an
# explicit sign ("-2,5 %", "+26,7 %"). The look-behinds keep us out of
# identifiers ("COVID-19", "G20") and the middle of other numbers; three capitals
# glued before may be a currency code ("USD77.4"), which the quantity reader checks.
DIGITS = re.compile(
    # Glued to an ISO code ("USD77.4") or to a local symbol in letters ("RM4.5605", "Rs83").
    r"(?:(?<![\w.,])(?P<sign>[+\-−])|(?<![\w.,\-−+/])|(?<=(?<![\w])[A-Z]{3})|(?<=(?<![\w])RM)|(?<=(?<![\w])Rs))"
    r"(?P<digits>\d{1,3}(?:[\s\u00a0\u202f.,']\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?!\d)"
)


@dataclass(frozen=True)
class Number:
    value: float
    step: float  # the place value of the last significant digit written
    trailing_zeros: int  # integer zeros whose significance the text leaves open


_DECIMALS = {mark: re.compile(rf"(?<![\d.,])\d+{re.escape(mark)}\d{{1,2}}(?![\d.,])") for mark in ".,"}


def decimal_mark(text: str, default: str) -> str:
    """The decimal mark a text writes with: its language's, unless it writes only the other one where no
    thousands could be meant ("9.8%", "2.9%" in a Mexican paper), as Latin American Spanish does: then
    "240,110 millones" is 240 110 million, not 240.11."""
    other = "." if default == "," else ","
    if _DECIMALS[default].search(text) is None and len(_DECIMALS[other].findall(text)) >= 2:
        return other
    return default


def parse_digits(text: str, decimal: str) -> Number | None:
    """Interpret a DIGITS match. `decimal` is the language's decimal mark."""
    seps = [ch for ch in text if not ch.isdigit()]
    if not seps:
        return _number(text, "")
    last = seps[-1]
    if len(set(seps)) > 1:
        # Two kinds of separator: the last one is the decimal mark ("1.234,5").
        int_part, frac = text.rsplit(last, 1)
        if last in int_part:
            return None
        return _number(re.sub(r"\D", "", int_part), frac)
    groups = text.split(last)
    if last in " \u00a0\u202f'":
        return _number("".join(groups), "")
    if len(groups) > 2:
        # "1.234.567" or "1,234,567": repeated marks group thousands.
        return _number("".join(groups), "") if all(len(g) == 3 for g in groups[1:]) else None
    head, tail = groups
    if last == decimal or len(tail) != 3:
        return _number(head, tail)
    return _number(head + tail, "")


def _number(int_digits: str, frac_digits: str) -> Number:
    value = float(f"{int_digits}.{frac_digits}" if frac_digits else int_digits)
    if frac_digits:
        return Number(value, 10.0 ** -len(frac_digits), 0)
    stripped = int_digits.rstrip("0")
    zeros = len(int_digits) - len(stripped) if stripped else 0
    return Number(value, 1.0, zeros)


def precision(number: Number, scale: float) -> float:
    """Half-width of the interval the written digits stand for, at full magnitude.

    "218,2 milliards" -> 0.05e9. An integer's trailing zeros may or may not be
    significant ("200 billion" can be a round figure or an exact one): we read
    them as rounding to the last non-zero digit but never wider than 5 % of
    the value, so "200 billion" is not taken to mean anything from 150 to 250.
    """
    half = 0.5 * number.step
    if number.trailing_zeros:
        half = max(half, min(0.5 * 10.0**number.trailing_zeros, 0.05 * abs(number.value)))
    return half * scale


def written_value(words: str, lang: str) -> int | None:
    """The value of a written number ("deux", "twenty-one"), via text2num."""
    from text_to_num import text2num

    try:
        return int(text2num(words.lower(), lang))
    except (ValueError, TypeError):
        return None
