"""IMF SDMX 3.0 (IMTS) against the recorded answer, and the scale trap."""

import json

import pytest

from verifier.errors import SourceError

from .payloads import payload, query, source

RECORDED = payload("imf-api-sdmx3-data-IMTS-USA.XG_FOB_USD.G001+G998.A.xml")


def test_reads_the_recorded_answer_without_rescaling(httpx_mock, fetch):
    httpx_mock.add_response(content=RECORDED, headers={"content-type": "application/xml"})
    found = fetch(source("imf"), query("imf", "trade.exports", {"reporter": "USA", "partner": None}, "2023-01-01", "2024-12-31", "annual"))
    # G998 (the old DOT "B0" group) names no place a claim could; G001 is the world.
    assert [(e.place, e.partner, e.period.label, e.value, e.unit) for e in found] == [
        ("USA", "WLD", "2023", 2019551635133.0, "USD"),
        ("USA", "WLD", "2024", 2065411250609.0, "USD"),
    ]
    (request,) = httpx_mock.get_requests()
    assert request.url.path == "/external/sdmx/3.0/data/dataflow/IMF.STA/IMTS/+/USA.XG_FOB_USD.*.A"
    assert "c%5BTIME_PERIOD%5D=ge:2023-01-01+le:2024-12-31" in str(request.url)
    assert request.headers["Accept"] == "application/xml"


def test_the_new_value_is_the_legacy_value_times_its_unit_mult(httpx_mock, fetch):
    """The same 2023 figure in both recorded answers: the legacy one scaled by
    10^UNIT_MULT equals what the adapter reads from the new one, unscaled."""
    legacy = json.loads(payload("imf-dataservices-CompactData-DOT-A.US.TXG_FOB_USD.json"))
    world = next(s for s in legacy["CompactData"]["DataSet"]["Series"] if s["@COUNTERPART_AREA"] == "W00")
    legacy_2023 = next(o for o in world["Obs"] if o["@TIME_PERIOD"] == "2023")
    expected = round(float(legacy_2023["@OBS_VALUE"]) * 10 ** int(world["@UNIT_MULT"]))
    httpx_mock.add_response(content=RECORDED)
    found = fetch(source("imf"), query("imf", "trade.exports", {"reporter": "USA", "partner": "WLD"}, "2023-01-01", "2023-12-31", "annual"))
    assert [e.value for e in found] == [expected] == [2019551635133]


def _monthly(*series):
    """Built from the recorded answer's shape (the monthly TIME_PERIOD form
    "2023-M01" is SDMX's; no monthly IMTS answer was recorded)."""
    body = "".join(
        f'<Series COUNTRY="CHN" INDICATOR="{ind}" COUNTERPART_COUNTRY="RUS" FREQUENCY="M" SCALE="6">'
        + "".join(f'<Obs OBS_VALUE="{v}" TIME_PERIOD="{p}"/>' for p, v in obs)
        + "</Series>"
        for ind, obs in series
    )
    head, tail = RECORDED.decode().split("<message:DataSet", 1)
    tail = tail.split(">", 1)[1].rsplit("</message:DataSet>", 1)[1]
    return f'{head}<message:DataSet ss:structureRef="IMF.STA.DSD_IMTS.1.0.0" action="Replace">{body}</message:DataSet>{tail}'.encode()


def test_total_trade_sums_exports_and_imports_by_month(httpx_mock, fetch):
    httpx_mock.add_response(
        content=_monthly(
            ("XG_FOB_USD", [("2023-M01", "8000000000"), ("2023-M02", "7000000000")]),
            ("MG_CIF_USD", [("2023-M01", "10000000000")]),
        )
    )
    found = fetch(source("imf"), query("imf", "trade.total", {"reporter": "CHN", "partner": "RUS"}, "2023-01-01", "2023-12-31", "monthly"))
    # February lacks imports: no total for it rather than an understated one.
    assert [(e.period.label, e.value, e.note) for e in found] == [("January 2023", 18e9, "XG_FOB_USD + MG_CIF_USD")]
    assert httpx_mock.get_requests()[0].url.path.endswith("/IMTS/+/CHN.XG_FOB_USD+MG_CIF_USD.RUS.M")


def test_no_results_is_no_evidence(httpx_mock, fetch):
    httpx_mock.add_response(status_code=404, text="NoResultsFound")
    assert fetch(source("imf"), query("imf", "trade.total", {"reporter": "CHN", "partner": "RUS"}, "2023-01-01", "2023-12-31")) == []


@pytest.mark.parametrize("body", [b"<not xml", b'<?xml version="1.0"?><Data><Series COUNTRY="USA"><Obs OBS_VALUE="1" TIME_PERIOD="2023"/></Series></Data>'])
def test_drifted_answer_is_a_source_error(httpx_mock, fetch, body):
    httpx_mock.add_response(content=body)
    with pytest.raises(SourceError, match=r"^imf: unexpected answer"):
        fetch(source("imf"), query("imf", "trade.exports", {"reporter": "USA", "partner": "WLD"}, "2023-01-01", "2023-12-31"))
