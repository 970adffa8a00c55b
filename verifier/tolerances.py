"""The widths a judge allows around a figure, shared by the judge and the codes table that documents them."""

from __future__ import annotations

from dataclasses import dataclass

#: Relative half-width added for hedged figures ("about", "près de", "rund").
DEFAULT_TOLERANCE = 0.05


#: Relative half-width of the doubt a converted source figure carries (currency
#: at an average rate, crude tonnes to barrels): the publisher's own conversion
#: uses other rates or factors, so within three times it of the text's interval
#: a converted figure neither supports nor contradicts it.
DEFAULT_CONVERSION_TOLERANCE = 0.02


#: "nearly X" is flagged as `rounding` only when the source exceeds X by more
#: than this (relative): "près de 107 Mt" for 107.02 Mt is fine, "nearly 100"
#: for 100.9 is not.
ROUNDING_SLACK = 0.005


#: How far each of two levels may be from the base its publisher used for a
#: stated change: y/y rates are computed on revised prior-year data (GACC:
#: +26.3 % for 2023 against 26.19 % from the two published levels).
DEFAULT_CHANGE_ALLOWANCE = 0.001

#: How far outside the text's interval, as a share of the computed change, revisions of the levels may be
#: called on to reconcile them: GACC's +1.9 % against +1.957 % from the levels (0.4 %) is a revised base;
#: Belgium's +0.98 % against +0.81 % (20 %), or France's +0.5 % against +0.29 %, is another figure.
REVISION_REACH = 0.1


#: Relative gap a futures average may have from the spot series' mean for the same
#: period (Brent 2022: ICE front month $99.04, EIA spot $100.93, 1.9 %): within it a
#: market price not said to be spot is no contradiction.
FUTURES_BASIS = 0.03


@dataclass(frozen=True)
class Settings:
    tolerance: float = DEFAULT_TOLERANCE
    conversion_tolerance: float = DEFAULT_CONVERSION_TOLERANCE
    change_allowance: float = DEFAULT_CHANGE_ALLOWANCE


#: How far apart (a ratio) a claim and the source's figure may be and still be read as the same quantity
#: misstated: news gets a level wrong by a digit or a year, not by half; a change's growth factor, the same.
SAME_ORDER = 2.0
