"""UN Comtrade against the recorded China 2010 answer and the documented monthly shape."""

import json

import pytest

from verifier.errors import SourceError

from .payloads import payload, query, source

CHINA_2010 = payload("comtrade-data-v1-get-C-A-HS-china-2010.json")
KEY = "c0ffee00c0ffee00c0ffee00c0ffee00"


def _row(**changes):
    """A row of the recorded answer, changed: the documented monthly rows only
    differ in freqCode, period and refMonth (un-comtrade-sdk's india_exports_2022_monthly.json)."""
    row = dict(json.loads(CHINA_2010)["data"][0])
    row.update(changes)
    return row


def test_total_trade_sums_imports_and_exports_of_the_recorded_answer(httpx_mock, fetch):
    httpx_mock.add_response(content=CHINA_2010)
    found = fetch(
        source("comtrade"), query("comtrade", "trade.total", {"reporter": "CHN", "partner": None}, "2010-01-01", "2010-12-31", "annual"),
        environ={"COMTRADE_API_KEY": KEY},
    )
    by_partner = {e.partner: e for e in found}
    assert set(by_partner) == {"ARG", "DEU"}
    assert by_partner["ARG"].value == 6804128143.0 + 6115764185.0
    assert by_partner["DEU"].value == 74251272075.0 + 68047133397.0
    assert (by_partner["DEU"].place, by_partner["DEU"].unit, by_partner["DEU"].period.label) == ("CHN", "USD", "2010")
    assert by_partner["DEU"].note == "M + X (primaryValue)"
    (request,) = httpx_mock.get_requests()
    assert request.url.path == "/data/v1/get/C/A/HS"
    assert request.headers["Ocp-Apim-Subscription-Key"] == KEY
    assert dict(request.url.params) == {
        "reporterCode": "156", "cmdCode": "TOTAL", "flowCode": "M,X", "customsCode": "C00", "motCode": "0",
        "partner2Code": "0", "maxRecords": "100000", "period": "2010",
    }
    assert KEY not in by_partner["DEU"].url and "/data/v1/get/C/A/HS?" in by_partner["DEU"].url


def test_without_a_key_it_uses_the_preview(httpx_mock, fetch):
    httpx_mock.add_response(content=CHINA_2010)
    found = fetch(source("comtrade"), query("comtrade", "trade.imports", {"reporter": "CHN", "partner": None}, "2010-01-01", "2010-12-31"))
    assert sorted((e.partner, e.value) for e in found) == [("ARG", 6804128143.0), ("DEU", 74251272075.0)]
    (request,) = httpx_mock.get_requests()
    assert request.url.path == "/public/v1/preview/C/A/HS" and request.url.params["maxRecords"] == "500"
    assert "Ocp-Apim-Subscription-Key" not in request.headers


@pytest.mark.parametrize(("iso3", "code"), [("USA", "842"), ("IND", "699"), ("FRA", "251"), ("CHE", "757"), ("RUS", "643"), ("WLD", "0")])
def test_countries_are_mapped_to_comtrade_codes(httpx_mock, fetch, iso3, code):
    httpx_mock.add_response(content=payload("comtrade-data-v1-get-S-A-EB-empty.json"))
    assert fetch(source("comtrade"), query("comtrade", "trade.total", {"reporter": "CHN", "partner": iso3}, "2023-01-01", "2023-12-31")) == []
    assert httpx_mock.get_requests()[0].url.params["partnerCode"] == code


def test_monthly_crude_imports_in_tonnes_one_request_per_twelve_months(httpx_mock, fetch):
    def rows(year):
        return [
            _row(freqCode="M", period=f"{year}{m:02d}", refMonth=m, refYear=year, cmdCode="2709", partnerCode=643,
                 partnerISO="RUS", qtyUnitCode=8, netWgt=8_000_000_000.0 + m, primaryValue=5e9)
            for m in range(1, 13)
        ]

    for year in (2022, 2023):
        httpx_mock.add_response(
            url="https://comtradeapi.un.org/public/v1/preview/C/M/HS",
            match_params={"reporterCode": "156", "partnerCode": "643", "cmdCode": "2709", "flowCode": "M", "customsCode": "C00",
                          "motCode": "0", "partner2Code": "0", "maxRecords": "500", "period": ",".join(f"{year}{m:02d}" for m in range(1, 13))},
            json={"elapsedTime": "0.1 secs", "count": 12, "data": rows(year), "error": ""},
        )
    found = fetch(source("comtrade"), query("comtrade", "crude.imports", {"reporter": "CHN", "partner": "RUS"}, "2022-01-01", "2023-12-31", "monthly"))
    assert len(found) == 24
    march = next(e for e in found if e.period.label == "March 2023")
    assert (march.value, march.unit, march.partner) == ((8_000_000_000.0 + 3) / 1000, "tonne", "RUS")
    assert httpx_mock.get_requests()[0].url.path == "/public/v1/preview/C/M/HS"


def test_a_missing_flow_gives_no_total(httpx_mock, fetch):
    imports_only = [r for r in json.loads(CHINA_2010)["data"] if r["flowCode"] == "M"]
    httpx_mock.add_response(json={"elapsedTime": "0.1 secs", "count": 2, "data": imports_only, "error": ""})
    assert fetch(source("comtrade"), query("comtrade", "trade.total", {"reporter": "CHN", "partner": None}, "2010-01-01", "2010-12-31")) == []


def test_an_answer_at_the_row_cap_is_refused(httpx_mock, fetch):
    httpx_mock.add_response(json={"elapsedTime": "1 secs", "count": 500, "data": [_row(partnerCode=i) for i in range(500)], "error": ""})
    with pytest.raises(SourceError, match=r"stops at 500 rows, so it may be incomplete; set COMTRADE_API_KEY"):
        fetch(source("comtrade"), query("comtrade", "trade.total", {"reporter": "CHN", "partner": None}, "2010-01-01", "2010-12-31"))


def test_an_error_field_is_a_source_error(httpx_mock, fetch):
    httpx_mock.add_response(json={"elapsedTime": "0 secs", "count": 0, "data": [], "error": "Invalid period"})
    with pytest.raises(SourceError, match=r"^comtrade: Comtrade error: Invalid period"):
        fetch(source("comtrade"), query("comtrade", "trade.total", {"reporter": "CHN", "partner": "RUS"}, "2023-01-01", "2023-12-31"))


def test_drifted_rows_are_a_source_error(httpx_mock, fetch):
    row = _row()
    del row["partnerCode"]
    httpx_mock.add_response(json={"count": 1, "data": [row], "error": ""})
    with pytest.raises(SourceError, match=r"^comtrade: unexpected answer \(missing 'partnerCode'\)"):
        fetch(source("comtrade"), query("comtrade", "trade.total", {"reporter": "CHN", "partner": None}, "2010-01-01", "2010-12-31"))
