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


@cache
def is_country(code: str) -> bool:
    """An ISO 3166-1 country, as opposed to a region or income group that
    World Bank tables list alongside countries (EAS, HIC, ...)."""
    import pycountry

    return pycountry.countries.get(alpha_3=code) is not None
