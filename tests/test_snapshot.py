"""The offline snapshot source: shipped data, its definition, and the adapter."""

from __future__ import annotations

import asyncio
import datetime as dt
import shutil
from pathlib import Path

import pytest

from verifier.adapters import ADAPTERS, build, snapshot
from verifier.adapters.snapshot import SnapshotAdapter
from verifier.errors import ConfigError, SourceError
from verifier.models import Evidence, Period, Query
from verifier.sources import ENV_DIR, load_source, load_sources, sources_dir

REPO_SOURCES = Path(__file__).resolve().parent.parent / "sources"
RETRIEVED = dt.datetime(2026, 11, 27, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def source():
    return load_source(REPO_SOURCES / "snapshot.toml")


@pytest.fixture(scope="module")
def adapter(source):
    return build(source)


def fetch(adapter, series: str, places: dict[str, str | None], start: str, end: str) -> list[Evidence]:
    period = Period(start=dt.date.fromisoformat(start), end=dt.date.fromisoformat(end), label="test")
    return asyncio.run(adapter.fetch(Query(source="snapshot", series=series, places=places, period=period)))


def spanning(evidence: list[Evidence], start: str, end: str) -> list[Evidence]:
    return [e for e in evidence if e.period.start.isoformat() == start and e.period.end.isoformat() == end]


# -- press-reported GACC figures ---------------------------------------------


def test_trade_total_china_russia_jan_nov_2023(adapter):
    found = fetch(adapter, "trade.total", {"reporter": "CHN", "partner": "RUS"}, "2023-01-01", "2023-11-30")
    exact = spanning(found, "2023-01-01", "2023-11-30")
    assert len(exact) == 1
    e = exact[0]
    assert e.value == 218.17e9
    assert e.unit == "USD"
    assert e.url == "https://www.commersant.ge/en/news/economics/russia-china-trade-increases-26-in-a-year"
    assert (e.source, e.series, e.place, e.partner) == ("snapshot", "trade.total", "CHN", "RUS")
    assert e.period.label == "January–November 2023"
    assert e.retrieved == RETRIEVED
    assert e.publisher == "GACC (as reported by Sputnik via vinachem.com.vn; commersant.ge)"
    assert e.note.startswith("t05: +26.7% y/y")
    # Shorter periods inside the query come too (Jan-Sep, November); the
    # full year 2023 does not, it is not inside Jan-Nov.
    assert {x.period.label for x in found} == {"January–November 2023", "January–September 2023", "November 2023"}


def test_crude_suppliers_2023_ranking_table(adapter):
    found = fetch(adapter, "crude.imports", {"reporter": "CHN", "partner": None}, "2023-01-01", "2023-12-31")
    annual = {e.partner: e for e in spanning(found, "2023-01-01", "2023-12-31")}
    russia = [e for e in spanning(found, "2023-01-01", "2023-12-31") if e.partner == "RUS"]
    assert len(russia) == 1  # s10 (107.02) and c05 (107) are one figure
    assert russia[0].value == 107.02e6
    assert russia[0].unit == "tonne"
    assert "also reported as 107 (c05)" in russia[0].note
    assert russia[0].note.startswith("s10: rank 1 in 2023")
    assert annual["SAU"].value == 85.96e6
    assert annual["WLD"].value == 563.99e6
    assert "564 (c09)" in annual["WLD"].note
    ranked = sorted((e for e in annual.values() if e.partner != "WLD"), key=lambda e: -e.value)
    assert [e.partner for e in ranked[:5]] == ["RUS", "SAU", "IRQ", "MYS", "ARE"]
    # The Jan-Feb figures (c03, c04) lie inside 2023 and come with their own period.
    assert {e.partner for e in spanning(found, "2023-01-01", "2023-02-28")} == {"RUS", "SAU"}


def test_crude_suppliers_2022_saudi_ahead_of_russia(adapter):
    found = spanning(
        fetch(adapter, "crude.imports", {"reporter": "CHN", "partner": None}, "2022-01-01", "2022-12-31"),
        "2022-01-01",
        "2022-12-31",
    )
    by_partner = {e.partner: e.value for e in found}
    assert len(by_partner) == len(found)
    assert by_partner["SAU"] == 87.49e6
    assert by_partner["RUS"] == 86.25e6  # s02 kept over c01's 86.2
    assert by_partner["SAU"] > by_partner["RUS"]
    assert by_partner["IRN"] == 0.780392e6


def test_press_rows_that_disagree_are_kept_apart(adapter):
    # s23 (Voronoi) gives 2.15 and c10 (MEES) 2.14 million barrels a day: as precise as each other, and apart
    # by more than half a last digit, so two reports of the figure, not one rounded twice.
    found = fetch(adapter, "crude.imports.rate", {"reporter": "CHN", "partner": "RUS"}, "2023-01-01", "2023-12-31")
    assert sorted(e.value for e in found) == [2.14e6, 2.15e6]
    assert {e.unit for e in found} == {"barrel / day"}
    assert not any("also reported" in (e.note or "") for e in found)


def test_press_units_and_scales(adapter):
    rates = fetch(adapter, "crude.imports.rate", {"reporter": "CHN", "partner": None}, "2023-01-01", "2023-12-31")
    assert {(e.partner, e.value) for e in rates} == {("USA", 286e3), ("QAT", 0.19e6), ("COG", 0.15e6), ("RUS", 2.15e6), ("RUS", 2.14e6)}
    yuan = fetch(adapter, "trade.total", {"reporter": "CHN", "partner": "RUS"}, "2024-01-01", "2024-12-31")
    assert {(e.value, e.unit) for e in spanning(yuan, "2024-01-01", "2024-12-31")} == {(244.81e9, "USD"), (1.74e12, "CNY")}
    value = fetch(adapter, "crude.imports.value", {"reporter": "CHN", "partner": "IRQ"}, "2022-01-01", "2022-12-31")
    assert [e.value for e in value] == [39.04e9]


def test_change_row_is_its_own_series(adapter):
    found = fetch(adapter, "trade.total.change_yoy", {"reporter": "CHN", "partner": "EUU"}, "2023-01-01", "2023-12-31")
    assert [(e.value, e.unit) for e in found] == [(-7.1, "%")]
    levels = fetch(adapter, "trade.total", {"reporter": "CHN", "partner": "EUU"}, "2023-01-01", "2023-12-31")
    assert levels == []


# -- World Bank ----------------------------------------------------------------


def test_gdp_china_2023(adapter):
    found = fetch(adapter, "gdp", {"place": "CHN"}, "2023-01-01", "2023-12-31")
    assert len(found) == 1
    e = found[0]
    assert e.value == 17794781986104.457
    assert (e.unit, e.place, e.partner) == ("USD", "CHN", None)
    assert e.url == "https://data.worldbank.org/indicator/NY.GDP.MKTP.CD"
    assert e.publisher == "World Bank WDI"
    assert e.license == "ODC-PDDL-1.0"
    assert e.vintage.startswith("datasets/gdp@822019c8")
    assert (e.period.start, e.period.end, e.period.label) == (dt.date(2023, 1, 1), dt.date(2023, 12, 31), "2023")


def test_population_russia_2023(adapter):
    [e] = fetch(adapter, "population", {"place": "RUS"}, "2023-01-01", "2023-12-31")
    assert e.value == 143826130
    assert e.unit == ""


def test_aggregates_keep_world_bank_codes(adapter):
    found = fetch(adapter, "gdp", {"place": None}, "2023-01-01", "2023-12-31")
    codes = {e.place for e in found}
    assert {"WLD", "EUU", "EMU", "CHN"} <= codes


def test_inflation_files_hold_what_their_names_say(adapter):
    [cpi] = fetch(adapter, "inflation.cpi", {"place": "USA"}, "2022-01-01", "2022-12-31")
    assert cpi.value == pytest.approx(8.0028, abs=1e-4)
    assert cpi.unit == "%"
    [deflator] = fetch(adapter, "inflation.deflator", {"place": "USA"}, "2022-01-01", "2022-12-31")
    assert deflator.value == pytest.approx(7.1295, abs=1e-4)


# -- oil prices ----------------------------------------------------------------


def test_brent_annual_2023(adapter):
    found = fetch(adapter, "oil.price.brent", {}, "2023-01-01", "2023-12-31")
    [annual] = spanning(found, "2023-01-01", "2023-12-31")
    assert annual.value == 82.49
    assert annual.unit == "USD / barrel"
    assert (annual.place, annual.partner) == ("", None)
    assert annual.url == "https://www.eia.gov/dnav/pet/hist/RBRTEA.htm"
    months = [e for e in found if e.period.start.day == 1 and e.period.label.endswith(" 2023") and e.period.label != "2023"]
    assert len(months) == 12
    assert all(e.period.start.year == 2023 for e in found)  # the week to 2023-01-06 starts in 2022


def test_oil_date_conventions(adapter):
    june = fetch(adapter, "oil.price.wti", {}, "2023-06-01", "2023-06-30")
    [month] = spanning(june, "2023-06-01", "2023-06-30")
    assert month.period.label == "June 2023"
    weeks = [e for e in june if (e.period.end - e.period.start).days == 6]
    assert weeks and all(e.period.end.weekday() == 4 for e in weeks)
    days = [e for e in june if e.period.start == e.period.end]
    assert len(days) >= 20


# -- exchange rates --------------------------------------------------------------


def test_cny_per_usd_2023(adapter):
    found = fetch(adapter, "fx.per_usd", {"currency": "CNY"}, "2023-01-01", "2023-12-31")
    [annual] = spanning(found, "2023-01-01", "2023-12-31")
    assert annual.value == 7.0809
    assert annual.unit == "CNY / USD"
    assert annual.place == "CNY"
    assert len(found) == 13  # and the twelve monthly averages


def test_fx_rows_are_per_usd_and_in_the_currency_of_the_day(adapter):
    [eur] = spanning(fetch(adapter, "fx.per_usd", {"currency": "EUR"}, "2023-01-01", "2023-12-31"), "2023-01-01", "2023-12-31")
    assert eur.value == 0.9245
    assert eur.unit == "EUR / USD"
    dem = fetch(adapter, "fx.per_usd", {"currency": "DEM"}, "2000-01-01", "2000-12-31")
    assert dem and all(e.unit == "DEM / USD" for e in dem)
    assert fetch(adapter, "fx.per_usd", {"currency": "EUR"}, "1995-01-01", "1995-12-31") == []
    assert fetch(adapter, "fx.per_usd", {"currency": "VEB"}, "1990-01-01", "2025-12-31") == []
    assert spanning(fetch(adapter, "fx.per_usd", {"currency": "VED"}, "2023-01-01", "2023-12-31"), "2023-01-01", "2023-12-31")


# -- query semantics -----------------------------------------------------------


def test_unknown_series_returns_nothing(adapter):
    assert fetch(adapter, "no.such.series", {"place": "CHN"}, "2023-01-01", "2023-12-31") == []


def test_dimension_the_series_lacks_matches_nothing(adapter):
    assert fetch(adapter, "gdp", {"reporter": "CHN"}, "2023-01-01", "2023-12-31") == []
    assert fetch(adapter, "gdp", {"reporter": None, "place": "CHN"}, "2023-01-01", "2023-12-31")


def test_every_shipped_dataset_reads(adapter, source):
    for name, ds in source.datasets.items():
        assert adapter._table(name, ds), name
    assert {"trade.total", "crude.imports", "gdp", "population", "fx.per_usd", "oil.price.wti"} <= source.indicators


def test_tables_load_lazily(adapter):
    snapshot._TABLES.clear()
    fetch(adapter, "gdp", {"place": "CHN"}, "2023-01-01", "2023-12-31")
    loaded = {name for _, name, _ in snapshot._TABLES}
    assert loaded == {"gdp"}


# -- errors --------------------------------------------------------------------


def test_missing_data_file_raises_source_error(source, tmp_path):
    broken = SnapshotAdapter(source.model_copy(update={"data": tmp_path}))
    with pytest.raises(SourceError, match=r"^snapshot: cannot read datasets-gdp/gdp.csv"):
        fetch(broken, "gdp", {"place": "CHN"}, "2023-01-01", "2023-12-31")


def test_malformed_row_raises_source_error(source, tmp_path):
    (tmp_path / "datasets-gdp").mkdir()
    (tmp_path / "datasets-gdp" / "gdp.csv").write_text("Country Name,Country Code,Year,Value\nChina,CHN,2023,lots\n")
    broken = SnapshotAdapter(source.model_copy(update={"data": tmp_path}))
    with pytest.raises(SourceError, match=r"datasets-gdp/gdp.csv:2: not a number: 'lots'"):
        fetch(broken, "gdp", {"place": "CHN"}, "2023-01-01", "2023-12-31")


def test_press_row_with_unmapped_unit_raises_source_error(source, tmp_path):
    folder = tmp_path / "press-reported-figures"
    folder.mkdir()
    for name in ("gacc-china-crude-imports-by-supplier.csv", "gacc-china-russia-trade-and-crude.csv"):
        shutil.copy(REPO_SOURCES / "snapshot" / "press-reported-figures" / name, folder / name)
    path = folder / "gacc-china-russia-trade-and-crude.csv"
    path.write_text(path.read_text().replace("2023-12,annual,240.11,billion USD", "2023-12,annual,240.11,billion EUR"))
    broken = SnapshotAdapter(source.model_copy(update={"data": tmp_path}))
    with pytest.raises(SourceError, match=r"gacc-china-russia-trade-and-crude.csv:10: unknown unit 'billion EUR'"):
        fetch(broken, "trade.total", {"reporter": "CHN", "partner": "RUS"}, "2023-01-01", "2023-12-31")


MINIMAL = """
id = "mini"
title = "Mini"
publisher = "Me"
license = "CC0-1.0"
adapter = "snapshot"
data = "mini"

[datasets.gdp]
title = "GDP"
layout = "country-year"
files = ["gdp.csv"]
columns = { code = "Country Code", year = "Year", value = "Value" }
indicator = "gdp"
unit = "USD"
dimensions = ["place"]
dates = "year"
publisher = "World Bank WDI"
license = "ODC-PDDL-1.0"
url = "https://data.worldbank.org/indicator/NY.GDP.MKTP.CD"
retrieved = 2026-11-27T00:00:00Z
"""


def test_definition_resolves_data_next_to_it(tmp_path):
    (tmp_path / "mini").mkdir()
    (tmp_path / "mini" / "gdp.csv").write_text("Country Name,Country Code,Year,Value\nChina,CHN,2023,1.5\n")
    (tmp_path / "mini.toml").write_text(MINIMAL)
    source = load_sources(tmp_path)["mini"]
    assert source.data == tmp_path / "mini"
    [e] = fetch(build(source), "gdp", {"place": "CHN"}, "2023-01-01", "2023-12-31")
    assert (e.source, e.value) == ("mini", 1.5)


def test_unknown_key_raises_config_error_naming_it(tmp_path):
    path = tmp_path / "mini.toml"
    path.write_text(MINIMAL.replace('dates = "year"', 'dates = "year"\ncolour = "blue"'))
    with pytest.raises(ConfigError, match=r"mini.toml: datasets.gdp.colour: unknown key"):
        load_source(path)
    path.write_text("flavour = 1\n" + MINIMAL)
    with pytest.raises(ConfigError, match=r"mini.toml: flavour: unknown key"):
        load_source(path)


def test_malformed_toml_raises_config_error(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text('id = "x\n')
    with pytest.raises(ConfigError, match=r"bad.toml: invalid TOML"):
        load_source(path)


def test_bad_dataset_definition_raises_config_error(tmp_path):
    path = tmp_path / "mini.toml"
    path.write_text(MINIMAL.replace('layout = "country-year"', 'layout = "spreadsheet"'))
    with pytest.raises(ConfigError, match=r"mini.toml: datasets.gdp.layout: unknown layout 'spreadsheet'"):
        build(load_source(path))
    path.write_text(MINIMAL.replace('value = "Value" }', 'valeur = "Value" }'))
    with pytest.raises(ConfigError, match=r"datasets.gdp.columns: missing value"):
        build(load_source(path))
    path.write_text(MINIMAL.replace('adapter = "snapshot"', 'adapter = "carrier-pigeon"'))
    with pytest.raises(ConfigError, match=r"adapter: unknown adapter 'carrier-pigeon'"):
        build(load_source(path))


def test_sources_dir_prefers_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_DIR, str(tmp_path))
    assert sources_dir() == tmp_path
    monkeypatch.delenv(ENV_DIR)
    assert sources_dir().resolve() == REPO_SOURCES
    monkeypatch.setenv(ENV_DIR, str(tmp_path / "nowhere"))
    with pytest.raises(ConfigError, match=ENV_DIR):
        sources_dir()


def test_registry():
    assert ADAPTERS["snapshot"] is SnapshotAdapter
    assert "snapshot" in load_sources(REPO_SOURCES)
