"""FRED and EIA v2 (both keyed) against their recorded answers."""

import json

import httpx
import pytest

from verifier.errors import SourceError
from verifier.sources import SeriesDef

from .payloads import payload, query, source

KEY = "abcdef0123456789abcdef0123456789"


def test_fred_reads_the_recorded_observations(httpx_mock, fetch):
    httpx_mock.add_response(content=payload("fred-series-observations-HQMCB10YR.json"))
    # The recorded series is a bond yield; mapped here to a catalogue id only to read it.
    fred = source("fred", series={"oil.price.wti": SeriesDef(code="HQMCB10YR", unit="%")})
    found = fetch(fred, query("fred", "oil.price.wti", {}, "2023-01-01", "2023-06-30", "monthly"), environ={"FRED_API_KEY": KEY})
    assert [(e.period.label, e.value) for e in found] == [
        ("January 2023", 4.98), ("February 2023", 5.13), ("March 2023", 5.18),
        ("April 2023", 4.92), ("May 2023", 5.09), ("June 2023", 5.22),
    ]
    assert found[0].vintage == "2024-06-27" and found[0].unit == "%" and found[0].note == "FRED HQMCB10YR"
    (request,) = httpx_mock.get_requests()
    assert request.url.params["api_key"] == KEY and request.url.params["frequency"] == "m"
    assert request.url.params["aggregation_method"] == "avg" and request.url.params["series_id"] == "HQMCB10YR"
    assert all(KEY not in e.url and "api_key" not in e.url for e in found)


def test_fred_missing_values_and_per_currency_series(httpx_mock, fetch):
    body = json.loads(payload("fred-series-observations-HQMCB10YR.json"))
    first, second = body["observations"][:2]
    body["observations"] = [{**first, "date": "2023-01-01", "value": "7.0842"}, {**second, "date": "2024-01-01", "value": "."}]
    httpx_mock.add_response(json=body)
    found = fetch(source("fred"), query("fred", "fx.per_usd", {"currency": "CNY"}, "2023-01-01", "2024-12-31", "annual"), environ={"FRED_API_KEY": KEY})
    assert [(e.place, e.period.label, e.value, e.unit) for e in found] == [("CNY", "2023", 7.0842, "CNY / USD")]
    assert httpx_mock.get_requests()[0].url.params["series_id"] == "DEXCHUS"


def test_fred_without_a_key_says_which_variable_to_set(fetch):
    with pytest.raises(SourceError, match=r"^fred: needs an API key: set FRED_API_KEY$"):
        fetch(source("fred"), query("fred", "oil.price.wti", {}, "2023-01-01", "2023-12-31", "annual"))


def test_fred_error_answer_is_a_source_error(httpx_mock, fetch):
    httpx_mock.add_response(status_code=400, json={"error_code": 400, "error_message": "Bad Request.  The series does not exist."})
    with pytest.raises(SourceError, match=r"HTTP 400 .*The series does not exist"):
        fetch(source("fred"), query("fred", "oil.price.wti", {}, "2023-01-01", "2023-12-31", "annual"), environ={"FRED_API_KEY": KEY})


def test_eia_reads_the_recorded_international_answer(httpx_mock, fetch):
    httpx_mock.add_response(content=payload("eia-v2-international-data.json"))
    params = {"productId": "57", "activityId": "1", "countryRegionId": "AGO", "unit": "TBPD"}
    eia = source("eia", series={"crude.imports.rate": SeriesDef(code="international", params=params)})
    found = fetch(eia, query("eia", "crude.imports.rate", {"reporter": "AGO"}, "1973-01-01", "1973-12-31", "monthly"), environ={"EIA_API_KEY": KEY})
    assert [(e.place, e.period.label, e.value, e.unit) for e in found] == [("AGO", "January 1973", 162000.0, "barrel / day")]
    (request,) = httpx_mock.get_requests()
    assert request.url.path == "/v2/international/data/"
    assert request.url.params["facets[productId][]"] == "57" and request.url.params["api_key"] == KEY
    assert (request.url.params["start"], request.url.params["end"], request.url.params["frequency"]) == ("1973-01", "1973-12", "monthly")


def test_eia_spot_prices_in_pages(httpx_mock, fetch):
    # Built from the documented v2 shape (no spot-price answer was recorded); values are EIA's annual Brent averages.
    body = json.loads(payload("eia-v2-BUILT-petroleum-pri-spt-RBRTE-annual.json"))
    first, second = body["response"]["data"]
    pages = iter([[first], [second]])

    def answer(request):
        return httpx.Response(200, json={**body, "response": {**body["response"], "data": next(pages)}})

    httpx_mock.add_callback(answer, is_reusable=True)
    found = fetch(source("eia"), query("eia", "oil.price.brent", {}, "2023-01-01", "2024-12-31", "annual"), environ={"EIA_API_KEY": KEY})
    assert [(e.period.label, e.value, e.unit) for e in found] == [("2023", 82.49, "USD / barrel"), ("2024", 80.52, "USD / barrel")]
    assert [r.url.params["offset"] for r in httpx_mock.get_requests()] == ["0", "1"]
    assert httpx_mock.get_requests()[0].url.params["facets[series][]"] == "RBRTE"


def test_eia_unknown_unit_is_a_source_error(httpx_mock, fetch):
    body = json.loads(payload("eia-v2-international-data.json"))
    body["response"]["data"][0]["unit"] = "QBTU"
    httpx_mock.add_response(json=body)
    eia = source("eia", series={"crude.imports.rate": SeriesDef(code="international")})
    with pytest.raises(SourceError, match=r"unknown EIA unit 'QBTU'"):
        fetch(eia, query("eia", "crude.imports.rate", {}, "1973-01-01", "1973-12-31", "monthly"), environ={"EIA_API_KEY": KEY})
