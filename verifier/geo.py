"""Names for the place codes claims and evidence carry (ISO alpha-3 and World Bank aggregates)."""

from __future__ import annotations

from functools import cache

#: World Bank aggregate codes that are not countries: never ranked among countries.
AGGREGATES = {"WLD": "World", "EUU": "European Union", "EMU": "Euro area"}


@cache
def name(code: str) -> str:
    if code in AGGREGATES:
        return AGGREGATES[code]
    import pycountry
    from babel import Locale

    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return code
    return Locale("en").territories.get(country.alpha_2, country.name)
