"""ECB (csvdata), Eurostat (JSON-stat 2.0) and OWID (grapher CSV + metadata)."""

import json

import pytest

from verifier.errors import SourceError
from verifier.sources import SeriesDef

from .payloads import payload, query, source

ECB_USD = payload("ecb-BUILT-csvdata-EXR-M.USD.EUR.SP00.A-2019.csv").decode()


def test_ecb_euro_per_dollar_is_the_inverse_of_the_reference_rate(httpx_mock, fetch):
    httpx_mock.add_response(text=ECB_USD, headers={"content-type": "text/csv"})
    found = fetch(source("ecb"), query("ecb", "fx.per_usd", {"currency": "EUR"}, "2019-01-01", "2019-12-31", "monthly"))
    assert len(found) == 12
    january = found[0]
    assert (january.period.label, january.unit, january.place) == ("January 2019", "EUR / USD", "EUR")
    assert january.value == pytest.approx(1 / 1.141640909090909)
    (request,) = httpx_mock.get_requests()
    assert request.url.path == "/service/data/EXR/M.USD.EUR.SP00.A"
    assert dict(request.url.params) == {"format": "csvdata", "startPeriod": "2019-01-01", "endPeriod": "2019-12-31"}


def test_ecb_other_currencies_are_cross_rates_through_the_euro(httpx_mock, fetch):
    cny = ECB_USD.replace("EXR.M.USD.EUR", "EXR.M.CNY.EUR").replace(",M,USD,EUR,", ",M,CNY,EUR,")
    cny_rows = [line.replace("1.141640909090909", "7.7737") for line in cny.splitlines()[1:2]]
    httpx_mock.add_response(text=ECB_USD + "\r\n".join(cny_rows) + "\r\n")
    found = fetch(source("ecb"), query("ecb", "fx.per_usd", {"currency": "CNY"}, "2019-01-01", "2019-12-31", "monthly"))
    # Only January has both rates.
    assert [(e.period.label, round(e.value, 6), e.unit) for e in found] == [("January 2019", round(7.7737 / 1.141640909090909, 6), "CNY / USD")]
    assert "cross rate through the euro" in found[0].note
    assert httpx_mock.get_requests()[0].url.path == "/service/data/EXR/M.USD+CNY.EUR.SP00.A"


def test_ecb_drifted_csv_is_a_source_error(httpx_mock, fetch):
    httpx_mock.add_response(text="KEY,FREQ,TIME_PERIOD,VALUE\r\nEXR.M.USD.EUR.SP00.A,M,2019-01,1.14\r\n")
    with pytest.raises(SourceError, match=r"^ecb: unexpected answer \(missing 'OBS_VALUE'\)"):
        fetch(source("ecb"), query("ecb", "fx.per_usd", {"currency": "EUR"}, "2019-01-01", "2019-12-31", "monthly"))


EUROSTAT = payload("eurostat-BUILT-jsonstat2-demo_pjan-DE-EL-FR-2022-2023.json")


def test_eurostat_decodes_the_sparse_row_major_values(httpx_mock, fetch):
    httpx_mock.add_response(content=EUROSTAT)
    found = fetch(source("eurostat"), query("eurostat", "population", {"place": None}, "2022-01-01", "2023-12-31", "annual"))
    assert sorted((e.place, e.period.label, e.value) for e in found) == [
        ("DEU", "2022", 83237124.0), ("DEU", "2023", 84358845.0), ("FRA", "2022", 67871925.0), ("FRA", "2023", 68172977.0), ("GRC", "2023", 10413982.0),
    ]
    assert found[0].vintage == "2026-07-21T11:00:00+0200" and found[0].unit == ""
    params = httpx_mock.get_requests()[0].url.params
    assert params.get_list("time") == ["2022", "2023"] and params["age"] == "TOTAL" and "geo" not in params


def test_eurostat_greece_is_el(httpx_mock, fetch):
    httpx_mock.add_response(content=EUROSTAT)
    fetch(source("eurostat"), query("eurostat", "population", {"place": "GRC"}, "2023-01-01", "2023-12-31", "annual"))
    assert httpx_mock.get_requests()[0].url.params["geo"] == "EL"


def test_eurostat_unfiltered_dimension_is_a_source_error(httpx_mock, fetch):
    body = json.loads(EUROSTAT)
    body["size"][2] = 2
    httpx_mock.add_response(json=body)
    with pytest.raises(SourceError, match=r"unexpected answer \(2 values for age: the series needs a filter\)"):
        fetch(source("eurostat"), query("eurostat", "population", {"place": None}, "2022-01-01", "2023-12-31"))


OWID_SLUG = "share-electricity-renewables"


def _owid(httpx_mock):
    base = f"https://ourworldindata.org/grapher/{OWID_SLUG}"
    q = "?v=1&csvType=full&useColumnShortNames=false"
    httpx_mock.add_response(url=base + ".csv" + q, content=payload("owid-grapher-share-electricity-renewables-TRIMMED.csv"))
    httpx_mock.add_response(url=base + ".metadata.json" + q, content=payload("owid-grapher-share-electricity-renewables.metadata.json"))
    # The chart is not in the catalogue: mapped to a test id only to read it.
    return source("owid", series={"electricity.renewables.share": SeriesDef(code=OWID_SLUG, unit="%")})


def test_owid_reads_the_recorded_chart(httpx_mock, fetch):
    found = fetch(_owid(httpx_mock), query("owid", "electricity.renewables.share", {"place": "CHN"}, "2023-01-01", "2024-12-31", "annual"))
    assert [(e.place, e.period.label, e.value) for e in found] == [("CHN", "2023", 30.605776), ("CHN", "2024", 33.695553)]
    assert found[0].vintage == "2026-01-26"
    assert found[0].note == "OWID, from Ember (2026); Energy Institute - Statistical Review of World Energy (2025)"


def test_owid_world_is_wld_and_regions_without_codes_are_left_out(httpx_mock, fetch):
    found = fetch(_owid(httpx_mock), query("owid", "electricity.renewables.share", {"place": None}, "2023-01-01", "2023-12-31", "annual"))
    assert sorted(e.place for e in found) == ["CHN", "FRA", "WLD"]


def test_owid_drifted_header_is_a_source_error(httpx_mock, fetch):
    httpx_mock.add_response(text="country,year,value\r\nChina,2023,30.6\r\n")
    httpx_mock.add_response(content=payload("owid-grapher-share-electricity-renewables.metadata.json"))
    with pytest.raises(SourceError, match=r"^owid: unexpected answer"):
        fetch(source("owid"), query("owid", "population", {"place": "CHN"}, "2023-01-01", "2023-12-31"))
