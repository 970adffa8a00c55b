"""Bring a source's figure into the unit a claim states it in, or say why not.

Currencies go through the ECB's euro reference rates, which the
`currencyconverter` package ships offline, averaged over the claim's period
(as annual statistics converted by their publisher are). Physical units go
through pint, only within one dimension, with one exception news needs: crude
oil tonnes and barrels, at a stated average factor. A period total becomes a
daily rate by dividing by the period's days. Every conversion other than a
change of scale is approximate and says so in the verdict.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from ..catalog import is_currency
from ..models import Period

#: Barrels of crude oil per tonne: the average factor BP's Statistical Review
#: and Reuters use (it varies with density, from about 7.0 to 7.6).
CRUDE_BARRELS_PER_TONNE = 7.33


class NotComparable(Exception):
    """The two units cannot be compared; the message says why."""


@dataclass(frozen=True)
class Converted:
    value: float
    note: str = ""  # a sentence for the verdict; empty when nothing but the scale changed
    approximate: bool = False


def _split_money(unit: str) -> tuple[str | None, str]:
    """"USD / barrel" -> ("USD", "barrel"); "USD" -> ("USD", ""); "tonne" -> (None, "tonne")."""
    head, _, rest = unit.partition(" / ")
    if is_currency(head):
        return head, rest
    return None, unit


def convert(value: float, unit: str, target: str, period: Period, *, crude: bool = False) -> Converted:
    """`value` in `unit` expressed in `target`, for a figure about `period`.
    `crude` allows tonnes <-> barrels for crude oil. Raises NotComparable."""
    if unit == target:
        return Converted(value)
    if (inverse := _inverse_rate(unit, target)) and value:
        return Converted(1 / value, f" Inverted from {_rate(value)} {inverse[1]} per {inverse[0]}.")
    (cur, rest), (target_cur, target_rest) = _split_money(unit), _split_money(target)
    if (cur is None) != (target_cur is None):
        raise NotComparable(f"money cannot be compared with {_name(target if cur else unit)}")
    notes, approximate = [], False
    if cur is not None and cur != target_cur:
        rate, days = average_rate(cur, target_cur, period)
        value *= rate
        notes.append(f"converted from {cur} at the ECB reference rate averaged over {period.label} "
                     f"({_rate(rate)} {target_cur} per {cur}, {days} fixings)")
        approximate = True
    if rest != target_rest:
        # The per-unit part sits in the denominator: converting "per tonne" to
        # "per barrel" divides by the barrels in a tonne.
        inverse = bool(cur)
        factor, note, approx = _physical(rest or "", target_rest or "", period, crude)
        value = value / factor if inverse else value * factor
        if note:
            notes.append(note)
        approximate = approximate or approx
    note = " " + "; ".join(n[0].upper() + n[1:] for n in notes) + "." if notes else ""
    return Converted(value, note, approximate)


def _inverse_rate(unit: str, target: str) -> tuple[str, str] | None:
    """(A, B) when `unit` is "B / A" and `target` "A / B", both currencies: one exchange rate quoted
    either way round ("0.9245 euros per dollar" is "$1.0817 per euro")."""
    head, _, tail = unit.partition(" / ")
    if is_currency(head) and is_currency(tail) and target == f"{tail} / {head}":
        return tail, head
    return None


def _name(unit: str) -> str:
    return {"": "a plain count", "%": "a percentage", "pp": "percentage points"}.get(unit, unit)


def _rate(x: float) -> str:
    return f"{x:.4g}"


@cache
def _registry():
    import pint

    return pint.UnitRegistry()


_BARREL = re.compile(r"\bbarrels?\b")


def _quantity(unit: str):
    # pint's "barrel" is the 119-litre US dry barrel; news and the catalogue mean
    # the 159-litre oil barrel.
    return _registry().Quantity(1.0, _BARREL.sub("oil_barrel", unit) if unit else "dimensionless")


def _physical(unit: str, target: str, period: Period, crude: bool) -> tuple[float, str, bool]:
    """Factor from `unit` to `target` (multiply), a note, and whether it is approximate."""
    import pint

    if unit in ("%", "pp") or target in ("%", "pp"):
        raise NotComparable(f"{_name(unit)} cannot be compared with {_name(target)}")
    try:
        source, goal = _quantity(unit), _quantity(target)
    except (pint.errors.PintError, ValueError, AttributeError, TypeError):
        raise NotComparable(f"no conversion is known from {_name(unit)} to {_name(target)}") from None
    notes, approximate = [], False
    ureg = _registry()
    per_tonne = ureg.Quantity(CRUDE_BARRELS_PER_TONNE, "oil_barrel / tonne")
    if crude and "[mass]" in source.dimensionality and "[length]" in goal.dimensionality:
        source = source * per_tonne
        notes.append(f"tonnes of crude counted as {CRUDE_BARRELS_PER_TONNE} barrels each, an average factor")
        approximate = True
    elif crude and "[length]" in source.dimensionality and "[mass]" in goal.dimensionality:
        source = source / per_tonne
        notes.append(f"{CRUDE_BARRELS_PER_TONNE} barrels of crude counted as a tonne, an average factor")
        approximate = True
    time = ureg.Quantity(1.0, "day").dimensionality
    if source.dimensionality != goal.dimensionality and (source / goal).dimensionality == time:
        # A total over the period against a rate ("107 Mt in 2023" vs "barrels per day").
        days = (period.end - period.start).days + 1
        source = source / ureg.Quantity(days, "day")
        notes.append(f"spread over the {days} days of {period.label}")
        approximate = True
    if source.dimensionality != goal.dimensionality:
        raise NotComparable(f"{_name(unit)} and {_name(target)} measure different things")
    return float(source.to(goal.units).magnitude / goal.magnitude), "; ".join(notes), approximate


@cache
def _converter():
    from currency_converter import CurrencyConverter

    return CurrencyConverter(fallback_on_missing_rate=False, fallback_on_wrong_date=False)


@cache
def average_rate(cur: str, target: str, period: Period) -> tuple[float, int]:
    """Units of `target` per unit of `cur`, the mean of the ECB fixings in
    `period`, and how many fixings that is. Raises NotComparable when the ECB
    publishes no rate for either currency then (the rouble since March 2022)."""
    from currency_converter import RateNotFoundError

    converter = _converter()
    for code in (cur, target):
        if code not in converter.currencies:
            raise NotComparable(f"the ECB publishes no reference rate for {code}")
    rates = []
    day = period.start
    while day <= period.end:
        try:
            rates.append(converter.convert(1.0, cur, target, date=day))
        except RateNotFoundError:
            pass  # weekends and holidays have no fixing
        day += dt.timedelta(days=1)
    if not rates:
        raise NotComparable(f"the ECB published no {cur}/{target} rate in {period.label}")
    return sum(rates) / len(rates), len(rates)
