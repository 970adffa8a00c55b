"""World Bank Indicators v2 against the recorded page shape and its quirks."""

import pytest

from verifier.errors import SourceError

from .payloads import payload, query, source

WB = "https://api.worldbank.org/v2"


def test_reads_the_recorded_page(httpx_mock, fetch):
    # The recorded page (first row relabelled by its recorder: shape only, not values).
    httpx_mock.add_response(
        url=f"{WB}/country/all/indicator/NY.GDP.MKTP.CD?format=json&date=2013:2013&per_page=1000&page=1",
        content=payload("worldbank-v2-indicator-NY.GDP.MKTP.CD-2013-EDITED.json"),
    )
    found = fetch(source("worldbank"), query("worldbank", "gdp", {"place": None}, "2013-01-01", "2013-12-31"))
    assert [e.place for e in found] == ["ARG", "CSS", "CEB", "EAR"]
    css = found[1]
    assert (css.value, css.unit, css.period.label, css.vintage) == (72051031653.938, "USD", "2013", "2020-03-18")
    assert css.url.startswith(f"{WB}/country/all/indicator/NY.GDP.MKTP.CD?") and "format=json" in css.url
    assert (css.publisher, css.license, css.source, css.series) == ("World Bank", "CC BY 4.0", "worldbank", "gdp")


def test_one_country_keeps_only_the_window(httpx_mock, fetch):
    httpx_mock.add_response(content=payload("worldbank-v2-BUILT-CHN-NY.GDP.MKTP.CD-2022-2023.json"))
    found = fetch(source("worldbank"), query("worldbank", "gdp", {"place": "CHN"}, "2023-01-01", "2023-12-31"))
    assert [(e.place, e.period.label, e.value) for e in found] == [("CHN", "2023", 17794781986104.457)]
    assert "/country/CHN/indicator/NY.GDP.MKTP.CD" in httpx_mock.get_requests()[0].url.path


def test_follows_pages(httpx_mock, fetch):
    import json

    meta, rows = json.loads(payload("worldbank-v2-indicator-NY.GDP.MKTP.CD-2013-EDITED.json"))
    for page, chunk in ((1, rows[:2]), (2, rows[2:])):
        httpx_mock.add_response(
            url=f"{WB}/country/all/indicator/NY.GDP.MKTP.CD?format=json&date=2013:2013&per_page=1000&page={page}",
            json=[{**meta, "page": page, "pages": 2}, chunk],
        )
    found = fetch(source("worldbank"), query("worldbank", "gdp", {"place": None}, "2013-01-01", "2013-12-31"))
    assert len(found) == 4


def test_no_data_and_null_values_give_no_evidence(httpx_mock, fetch):
    import json

    meta, rows = json.loads(payload("worldbank-v2-BUILT-CHN-NY.GDP.MKTP.CD-2022-2023.json"))
    httpx_mock.add_response(json=[meta, [{**rows[0], "value": None}]])
    assert fetch(source("worldbank"), query("worldbank", "gdp", {"place": "CHN"}, "2023-01-01", "2023-12-31")) == []


def test_error_message_with_http_200_is_a_source_error(httpx_mock, fetch):
    # The documented error envelope, quoted identically by several test suites.
    httpx_mock.add_response(
        status_code=200,
        json=[{"message": [{"id": "120", "key": "Invalid value", "value": "The provided parameter value is not valid"}]}],
    )
    with pytest.raises(SourceError, match=r"^worldbank: World Bank error 120: Invalid value: The provided parameter value is not valid \(https://api\.worldbank\.org/v2/country/XXX/"):
        fetch(source("worldbank"), query("worldbank", "gdp", {"place": "XXX"}, "2023-01-01", "2023-12-31"))


@pytest.mark.parametrize(
    "body",
    [
        b'{"page": 1, "data": []}',  # an object where a [meta, rows] list was
        b'[{"page": 1, "pages": 1}, [{"country": {"id": "CN"}, "date": "2023", "value": 1.0}]]',  # a row without countryiso3code
        b'[{"page": 1, "pages": 1}, [{"countryiso3code": "CHN", "date": "FY2023", "value": 1.0}]]',  # a date it cannot read
        b"<html>Service Unavailable</html>",  # not JSON at all
    ],
)
def test_drifted_payload_is_a_source_error(httpx_mock, fetch, body):
    httpx_mock.add_response(content=body)
    with pytest.raises(SourceError, match=r"^worldbank: (unexpected answer|the answer is not JSON)"):
        fetch(source("worldbank"), query("worldbank", "gdp", {"place": "CHN"}, "2023-01-01", "2023-12-31"))


def test_an_error_answer_is_not_served_from_the_cache_again(httpx_mock, fetch):
    error = [{"message": [{"id": "120", "key": "Invalid value", "value": "The provided parameter value is not valid"}]}]
    httpx_mock.add_response(json=error)
    httpx_mock.add_response(content=payload("worldbank-v2-BUILT-CHN-NY.GDP.MKTP.CD-2022-2023.json"))
    gdp = query("worldbank", "gdp", {"place": "CHN"}, "2023-01-01", "2023-12-31")
    with pytest.raises(SourceError):
        fetch(source("worldbank"), gdp)
    # HTTP 200 made the cache keep it; reading it failed, so it was dropped and the re-run asks again.
    assert [e.value for e in fetch(source("worldbank"), gdp)] == [17794781986104.457]
    assert len(httpx_mock.get_requests()) == 2
