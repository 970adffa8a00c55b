"""Monthly figures summed into a claim's period, with a coverage check."""

import datetime as dt

import httpx

from verifier.flow.verify import check
from verifier.judge.aggregate import sum_into
from verifier.models import Evidence, Period
from verifier.read.documents import load

from .payloads import source
from .test_imf import _monthly

RETRIEVED = dt.datetime(2026, 11, 27, tzinfo=dt.UTC)


def _month(y, m, value, months=1):
    start = dt.date(y, m, 1)
    end_month = m + months - 1
    end = (dt.date(y, end_month + 1, 1) if end_month < 12 else dt.date(y + 1, 1, 1)) - dt.timedelta(days=1)
    return Evidence(source="imf", series="trade.total", place="CHN", partner="RUS", period=Period(start=start, end=end, label=f"{y}-{m:02d}+{months}"),
                    value=value, unit="USD", url="https://example.org/q", retrieved=RETRIEVED)


JAN_NOV = Period(start=dt.date(2023, 1, 1), end=dt.date(2023, 11, 30), label="January–November 2023")


def test_eleven_months_sum_into_january_to_november():
    result = sum_into(JAN_NOV, [_month(2023, m, 19.83e9) for m in range(1, 13)])  # December lies outside: not summed
    (total,) = result.evidence
    assert total.period == JAN_NOV and total.value == 11 * 19.83e9
    assert total.note == "sum of 11 figures, 2023-01+1 to 2023-11+1" and result.missing == {}


def test_china_january_february_reported_together():
    parts = [_month(2023, 1, 30e9, months=2)] + [_month(2023, m, 20e9) for m in range(3, 12)]
    (total,) = sum_into(JAN_NOV, parts).evidence
    assert total.value == 30e9 + 9 * 20e9 and total.note.endswith("2023-01+2 reported together")


def test_a_missing_month_is_named_and_nothing_is_summed():
    parts = [_month(2023, m, 20e9) for m in range(1, 12) if m != 3]
    result = sum_into(JAN_NOV, parts)
    assert result.evidence == [] and result.missing == {"imf": ["March 2023"]}


def test_an_exact_figure_is_not_summed_again_and_years_are_never_split():
    exact = _month(2023, 1, 218.2e9, months=11)
    assert sum_into(JAN_NOV, [exact] + [_month(2023, m, 1.0) for m in range(1, 12)]).evidence == []
    # A full-year figure does not fit inside January–November: it is neither summed nor subtracted.
    assert sum_into(JAN_NOV, [_month(2023, 1, 240e9, months=12)]).evidence == []


def _imf_months(httpx_mock, months):
    def answer(request):
        if "/CHN." in request.url.path:
            return httpx.Response(200, content=_monthly(
                ("XG_FOB_USD", [(f"2023-M{m:02d}", "9000000000") for m in months]),
                ("MG_CIF_USD", [(f"2023-M{m:02d}", "10836363636.36") for m in months]),
            ))
        return httpx.Response(404, text="NoResultsFound")  # Russia's mirror series

    httpx_mock.add_callback(answer, is_reusable=True)


def _trade_claim(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text("date 2024-02-01\n\nTrade between China and Russia reached 218.2 billion dollars between January and November 2023.\n", encoding="utf-8")
    return load(str(path), lang="en")


def test_a_claim_is_checked_against_the_sum_of_monthly_figures(httpx_mock, tmp_path):
    _imf_months(httpx_mock, range(1, 13))
    report = check([_trade_claim(tmp_path)], sources={"imf": source("imf")})
    (v,) = report.verdicts
    assert (v.status, v.code) == ("supported", "supported")
    (e,) = v.evidence
    assert e.period.label == "January–November 2023" and round(e.value) == round(11 * 19836363636.36)
    assert e.note.startswith("sum of 11 figures, January 2023 to November 2023")
    assert e.url.startswith("https://api.imf.org/external/sdmx/3.0/data/dataflow/IMF.STA/IMTS/+/CHN.XG_FOB_USD+MG_CIF_USD.RUS.M?")


def test_missing_months_are_named_in_the_verdict(httpx_mock, tmp_path):
    _imf_months(httpx_mock, [m for m in range(1, 13) if m not in (3, 4)])
    (v,) = check([_trade_claim(tmp_path)], sources={"imf": source("imf")}).verdicts
    assert (v.status, v.code) == ("unverifiable", "period-unavailable")
    assert v.message.endswith("Monthly figures do not cover the period: imf lacks March 2023, April 2023.")
