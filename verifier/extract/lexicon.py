"""Per-language grammar data, loaded once and compiled into matchers.

What a library knows comes from the library: country and month names from
CLDR (babel), ISO codes from pycountry, written numbers from text2num. The
per-language TOML files in `lexicons/` hold only what no library provides
(scale words, unit and currency names, hedges, period phrases, rank words,
capitals and demonyms), so a new language is a new TOML file plus tests.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from ..errors import ConfigError
from ..phrases import SUPPORTED, normalize

# Written numbers are only candidates here; text2num computes their value.
_WRITTEN = {
    "fr": "zéro un une deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize "
    "vingt trente quarante cinquante soixante cent cents mille",
    "en": "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand",
    "es": "cero un uno una dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince "
    "dieciséis veinte veintiún veintiuno treinta cuarenta cincuenta sesenta setenta ochenta noventa cien ciento mil",
    "de": "null ein eine einen eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn "
    "zwanzig dreißig vierzig fünfzig sechzig siebzig achtzig neunzig hundert tausend",
}


def normalize_keys(table: dict) -> dict:
    return {normalize(k): v for k, v in table.items()}


_TOKEN = re.compile(r"[^\W_]+")


class PhraseIndex:
    """Finds the longest known phrases in a text by dictionary lookup of word
    n-grams. A regex alternation of a thousand country names tries every
    name at every position; this looks up only n-grams whose first word
    starts some phrase, which is what keeps extraction fast."""

    def __init__(self, phrases, *, suffix: str = ""):
        self.keys = {normalize(p) for p in phrases if p}
        sizes = [len(_TOKEN.findall(k)) for k in self.keys]
        self.longest = max(sizes, default=0)
        self.firsts = {_TOKEN.findall(k)[0] for k in self.keys if _TOKEN.search(k)}
        self.suffix = suffix  # an inflection the text may add (German genitive "Chinas")

    def _key(self, text: str, start: int, end: int) -> tuple[str, int] | None:
        key = normalize(text[start:end])
        if key in self.keys:
            return key, end
        if text[end : end + 1] == "." and key + "." in self.keys:  # "U.S.", "Mrd."
            return key + ".", end + 1
        if self.suffix and key.endswith(self.suffix) and key[: -len(self.suffix)] in self.keys:
            return key[: -len(self.suffix)], end
        return None

    def finditer(self, text: str):
        """(start, end, key) of each longest match, left to right, without overlaps."""
        tokens = [(m.start(), m.end(), m.group().lower()) for m in _TOKEN.finditer(text)]
        i = 0
        while i < len(tokens):
            first = tokens[i][2]
            if first not in self.firsts and not (self.suffix and first.endswith(self.suffix) and first[: -len(self.suffix)] in self.firsts):
                i += 1
                continue
            for n in range(min(self.longest, len(tokens) - i), 0, -1):
                if found := self._key(text, tokens[i][0], tokens[i + n - 1][1]):
                    yield tokens[i][0], found[1], found[0]
                    i += n
                    break
            else:
                i += 1


@dataclass(frozen=True)
class Lexicon:
    lang: str
    data: dict
    months: dict[str, int]
    places: dict[str, tuple[str, str]]  # normalised phrase -> (code, kind)
    _tables: dict = field(default_factory=dict, compare=False, repr=False)

    def table(self, *path: str) -> dict:
        """The table at `path`, keys normalised; built once (finders ask per text). Read-only."""
        if path not in self._tables:
            node = self.data
            for key in path:
                node = node.get(key, {})
            self._tables[path] = normalize_keys(node)
        return self._tables[path]

    @property
    def written_numbers(self) -> list[str]:
        return _WRITTEN.get(self.lang, "").split()


def _months(lang: str, extra: dict[str, int]) -> dict[str, int]:
    from babel.dates import get_month_names

    names: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            for number, name in get_month_names(width, context, locale=lang).items():
                names[normalize(name).rstrip(".")] = number
    return names | {normalize(k): v for k, v in extra.items()}


def _places(lang: str, data: dict) -> dict[str, tuple[str, str]]:
    import pycountry
    from babel import Locale

    places: dict[str, tuple[str, str]] = {}
    for alpha2, name in Locale(lang).territories.items():
        country = pycountry.countries.get(alpha_2=alpha2) if len(alpha2) == 2 else None
        if country is not None:
            places[normalize(name)] = (country.alpha_3, "name")
    if lang == "en":
        # CLDR gives one short English name; pycountry adds the official and
        # common forms news also uses ("Russian Federation", "Republic of Korea").
        for country in pycountry.countries:
            for attr in ("name", "common_name", "official_name"):
                if name := getattr(country, attr, None):
                    places.setdefault(normalize(name), (country.alpha_3, "name"))
    section = data.get("places", {})
    for kind in ("names", "aggregates", "capitals", "adjectives", "acronyms"):
        for phrase, code in section.get(kind, {}).items():
            places[normalize(phrase)] = (code, kind)
    # Declined forms of each adjective ("russisch", "russischem"): listing
    # every case and gender by hand is what misses one.
    endings = sorted(section.get("adjective_endings", []), key=len, reverse=True)
    for phrase, code in section.get("adjectives", {}).items() if endings else ():
        key = normalize(phrase)
        stem = next((key[: -len(e)] for e in endings if key.endswith(e) and len(key) > len(e) + 3), None)
        for ending in endings if stem else ():
            places.setdefault(stem + ending, (code, "adjectives"))
    # Capitals lose their accents in headlines and plain-text feeds ("l'Egypte", "Etats-Unis", "Peru"): a country's
    # name without them is still its name, unless it is already another phrase.
    for key, value in list(places.items()):
        if value[1] == "name" and (bare := _unaccented(key)) != key:
            places.setdefault(bare, value)
    return places


def _unaccented(text: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@cache
def load(lang: str) -> Lexicon:
    if lang not in SUPPORTED:
        raise ConfigError(f"unsupported language {lang!r}: expected one of {', '.join(SUPPORTED)}")
    raw = (resources.files(__package__) / "lexicons" / f"{lang}.toml").read_text("utf-8")
    data = tomllib.loads(raw)
    return Lexicon(lang=lang, data=data, months=_months(lang, data.get("periods", {}).get("month_abbreviations", {})), places=_places(lang, data))
