"""The gold set for extraction is well formed (tests/gold/README.md).

This checks the labels' structure and coverage only; how well the extractor
does on them is bench/extraction.py's business, not a test's.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path

import pycountry
import pytest

GOLD = Path(__file__).parent / "gold" / "extraction.jsonl"
LANGS = ("fr", "en", "es", "de")
KEYS = {"id", "lang", "published", "text", "features", "quantities", "periods", "places", "claims"}
KINDS = {"amount", "change", "ranking", "comparison", "share", "count"}
AGGREGATES = {"WLD", "EUU", "EMU"}

# Every tag must be used at least MIN_PER_TAG times in every language; the
# meaning of each is in tests/gold/README.md.
FEATURES = """
sep-group sep-nbsp sep-nnbsp sep-apostrophe ambiguous-separator
scale scale-abbrev long-scale written-number multiplier
money-symbol money-code money-name money-per-unit
unit-mass unit-oil unit-gas unit-energy unit-length-area unit-temperature percent pp
hedge bound
amount change from-to yoy ranking overtake comparison share count
year month quarter half range first-n-months ytd end-of-month relative day
place-name capital demonym aggregate
negative neg-year neg-date neg-age neg-time neg-phone neg-article neg-ordinal-day neg-page neg-determiner
""".split()
MIN_PER_LANG = 60
MIN_TOTAL = 250
MIN_PER_TAG = 3
MIN_NEGATIVE_SHARE = 0.15

# A unit is "" (a count), "%", "pp", an ISO 4217 code, or pint names joined
# by " / " (design §4); the names are the ones the gold set uses.
UNIT_NAMES = {
    "tonne", "barrel", "day", "meter ** 3", "foot ** 3", "liter", "kilowatt_hour", "megawatt_hour",
    "gigawatt_hour", "terawatt_hour", "megawatt", "kilometer", "kilometer ** 2", "hectare",
    "degree_Celsius", "year",
}  # fmt: skip
CURRENCIES = {c.alpha_3 for c in pycountry.currencies}


def _rows() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


ROWS = _rows()


def _valid_unit(unit: str) -> bool:
    if unit in ("", "%", "pp"):
        return True
    return all(part in CURRENCIES or part in UNIT_NAMES for part in unit.split(" / "))


def test_every_line_is_an_object_with_the_schema_keys():
    for line_no, line in enumerate(GOLD.read_text(encoding="utf-8").splitlines(), 1):
        assert line.strip(), f"blank line {line_no}"
        row = json.loads(line)
        assert isinstance(row, dict) and set(row) == KEYS, f"line {line_no}: keys {sorted(row)}"


def test_ids_are_unique_and_match_their_language():
    ids = [r["id"] for r in ROWS]
    assert len(ids) == len(set(ids))
    for r in ROWS:
        assert r["lang"] in LANGS
        assert re.fullmatch(rf"{r['lang']}-\d{{3}}", r["id"]), r["id"]


def test_sizes():
    counts = Counter(r["lang"] for r in ROWS)
    assert sum(counts.values()) >= MIN_TOTAL
    for lang in LANGS:
        assert counts[lang] >= MIN_PER_LANG, (lang, counts[lang])


def test_publication_dates_spread_over_2023_to_2025():
    years = Counter(dt.date.fromisoformat(r["published"]).year for r in ROWS)
    assert set(years) <= {2023, 2024, 2025}
    assert years[2023] and years[2024] and years[2025]


@pytest.mark.parametrize("lang", LANGS)
def test_every_feature_is_covered_in_every_language(lang):
    counts = Counter(f for r in ROWS if r["lang"] == lang for f in r["features"])
    thin = {f: counts[f] for f in FEATURES if counts[f] < MIN_PER_TAG}
    assert not thin, f"{lang}: features used fewer than {MIN_PER_TAG} times: {thin}"


def test_features_are_known_tags():
    for r in ROWS:
        unknown = set(r["features"]) - set(FEATURES)
        assert not unknown, (r["id"], unknown)


@pytest.mark.parametrize("lang", LANGS)
def test_enough_negatives(lang):
    rows = [r for r in ROWS if r["lang"] == lang]
    negatives = [r for r in rows if "negative" in r["features"]]
    assert len(negatives) >= MIN_NEGATIVE_SHARE * len(rows)
    assert any(not r["claims"] for r in negatives), "some negatives must have no claim at all"


def test_labelled_texts_occur_verbatim_in_the_sentence():
    for r in ROWS:
        for part in r["quantities"] + r["periods"]:
            assert part["text"] and part["text"] in r["text"], (r["id"], part["text"])


def test_quantities():
    for r in ROWS:
        for q in r["quantities"]:
            assert set(q) == {"text", "value", "unit"}, r["id"]
            assert isinstance(q["value"], float) and q["value"] >= 0, (r["id"], q)
            assert _valid_unit(q["unit"]), (r["id"], q["unit"])


def test_periods_are_closed_intervals_of_iso_dates():
    for r in ROWS:
        for p in r["periods"]:
            assert set(p) == {"text", "start", "end"}, r["id"]
            assert dt.date.fromisoformat(p["start"]) <= dt.date.fromisoformat(p["end"]), (r["id"], p)


def test_places_are_iso_or_aggregate_codes_without_duplicates():
    for r in ROWS:
        assert len(r["places"]) == len(set(r["places"])), r["id"]
        for code in r["places"]:
            assert code in AGGREGATES or pycountry.countries.get(alpha_3=code), (r["id"], code)


def test_claims():
    for r in ROWS:
        for c in r["claims"]:
            assert set(c) == {"kind", "value", "unit", "rank"}, r["id"]
            assert c["kind"] in KINDS, (r["id"], c)
            if c["kind"] == "ranking":
                assert isinstance(c["rank"], int) and c["rank"] >= 1 and c["value"] is None, (r["id"], c)
            else:
                assert c["rank"] is None, (r["id"], c)
            if c["value"] is None:
                # Only a ranking, or a comparison without a figure ("more than Germany").
                assert c["kind"] in ("ranking", "comparison") and c["unit"] is None, (r["id"], c)
            else:
                assert isinstance(c["value"], float) and _valid_unit(c["unit"]), (r["id"], c)


def test_feature_tags_agree_with_the_labels():
    """Tags derived from the labels must be there, so that coverage counts are honest."""
    for r in ROWS:
        tags = set(r["features"])
        for c in r["claims"]:
            assert c["kind"] in tags, (r["id"], c["kind"])
        units = {q["unit"] for q in r["quantities"]}
        assert ("%" in units) == ("percent" in tags), r["id"]
        assert ("pp" in units) == ("pp" in tags), r["id"]
        assert bool(set(r["places"]) & AGGREGATES) == ("aggregate" in tags), r["id"]
        # A no-break space counts as a number format only between digit groups, not before "%".
        for char, tag in (("\u00a0", "sep-nbsp"), ("\u202f", "sep-nnbsp"), ("'", "sep-apostrophe")):
            assert bool(re.search(rf"\d{char}\d{{3}}", r["text"])) == (tag in tags), (r["id"], tag)
        assert any(t.startswith("neg-") for t in tags) == ("negative" in tags), r["id"]
