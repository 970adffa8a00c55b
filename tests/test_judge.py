"""The judge's interval logic and its ranking rules, on hand-made evidence."""

import datetime as dt

import pytest

from verifier.judge.amounts import judge_amount
from verifier.judge.intervals import contains, interval
from verifier.judge.rankings import judge_ranking
from verifier.models import Claim, Evidence, Interval, Metric, Period, Place, Quantity, Span
from verifier.periods import previous_period
from verifier.tolerances import Settings

Y2023 = Period(start=dt.date(2023, 1, 1), end=dt.date(2023, 12, 31), label="2023")
Y2022 = Period(start=dt.date(2022, 1, 1), end=dt.date(2022, 12, 31), label="2022")
JAN_NOV = Period(start=dt.date(2023, 1, 1), end=dt.date(2023, 11, 30), label="January–November 2023")
SPAN = Span(start=0, end=1, line=1, column=1)
RETRIEVED = dt.datetime(2026, 11, 27, tzinfo=dt.UTC)


def amount(value, precision, comparator="=", period=JAN_NOV, unit="USD"):
    return Claim(
        id="c1", kind="amount", text="x", sentence="x", span=SPAN,
        quantity=Quantity(value=value, unit=unit, comparator=comparator, precision=precision),
        period=period, places=[Place(code="CHN", text="China"), Place(code="RUS", text="Russia")],
        metric=Metric(id="trade.total", text="trade"),
    )


def trade(value, period=JAN_NOV, unit="USD"):
    return Evidence(source="snapshot", series="trade.total", place="CHN", partner="RUS", period=period,
                    value=value, unit=unit, url="https://example.org", retrieved=RETRIEVED, publisher="GACC")


@pytest.mark.parametrize(
    "claimed,precision,comparator,observed,code",
    [
        (218.2e9, 0.05e9, "=", 218.17e9, "supported"),
        (218.2e9, 0.05e9, "=", 218.15e9, "supported"),  # exactly on the lower bound
        (218.2e9, 0.05e9, "=", 218.25e9, "supported"),  # exactly on the upper bound
        (218.2e9, 0.05e9, "=", 218.26e9, "value-mismatch"),
        (250e9, 0.5e9, "=", 218.17e9, "value-mismatch"),
        (218e9, 0.5e9, "=", 218.17e9, "supported"),
        (210e9, 0.5e9, "~", 218.17e9, "supported"),  # "about 210 bn": 5 % band
        (200e9, 0.5e9, "~", 218.17e9, "value-mismatch"),
        (200e9, 10e9, ">", 218.17e9, "supported"),
        (220e9, 0.5e9, ">", 218.17e9, "value-mismatch"),
        (220e9, 0.5e9, "<", 218.17e9, "supported"),
        (218.17e9, 0.005e9, ">", 218.17e9, "rounding"),  # "more than X" excludes X, but X is its rounding
        (218.2e9, 0.005e9, ">", 218.17e9, "value-mismatch"),
        (0.0, 0.5, "=", 0.0, "supported"),
    ],
)
def test_amount_interval(claimed, precision, comparator, observed, code):
    v = judge_amount(amount(claimed, precision, comparator), "a.txt", [trade(observed)], Settings())
    assert v.code == code
    assert v.status == ("supported" if code in ("supported", "rounding") else "contradicted")
    assert v.evidence[0].value == observed


def test_message_shows_interval_and_observed_value():
    v = judge_amount(amount(218.2e9, 0.05e9), "a.txt", [trade(218.17e9)], Settings())
    assert v.message == "Article: 218.2 bn USD (218.15–218.25). GACC: 218.17 bn USD, January–November 2023."
    assert v.interval == Interval(low=218.15e9, high=218.25e9)


def test_a_full_year_figure_never_answers_a_year_to_date_claim():
    v = judge_amount(amount(218.2e9, 0.05e9), "a.txt", [trade(240.11e9, Y2023)], Settings())
    assert v.status == "unverifiable" and v.code == "period-unavailable"
    assert "240.11 bn USD for 2023" in v.message


def test_no_evidence_at_all():
    v = judge_amount(amount(218.2e9, 0.05e9), "a.txt", [], Settings())
    assert (v.status, v.code) == ("unverifiable", "no-evidence")


def test_other_currency_is_converted_at_the_period_average_and_says_so():
    v = judge_amount(amount(1.5e12, 0.05e12, unit="CNY"), "a.txt", [trade(218.17e9)], Settings())
    assert (v.status, v.code) == ("supported", "supported")
    assert "Converted from USD at the ECB reference rate averaged over January–November 2023" in v.message


def test_a_currency_the_ecb_no_longer_quotes_is_not_compared():
    v = judge_amount(amount(17e12, 0.5e12, unit="RUB"), "a.txt", [trade(218.17e9)], Settings())
    assert (v.status, v.code) == ("unverifiable", "unit-mismatch")
    assert "no USD/RUB rate" in v.message


def test_tolerance_is_configurable():
    claim = amount(210e9, 0.5e9, "~")
    assert judge_amount(claim, "a", [trade(218.17e9)], Settings(tolerance=0.01)).code == "value-mismatch"


@pytest.mark.parametrize(
    "i,x,inside",
    [
        (Interval(low=1.0, high=2.0), 1.0, True),
        (Interval(low=1.0, high=2.0, low_inclusive=False), 1.0, False),
        (Interval(low=None, high=2.0), -1e12, True),
        (Interval(low=1e-9, high=None), 0.0, False),
    ],
)
def test_contains(i, x, inside):
    assert contains(i, x) is inside


def test_interval_for_hedged_figure():
    claim = amount(100.0, 0.5, "~")
    assert interval(claim, Settings(tolerance=0.05)) == Interval(low=94.5, high=105.5)


# -- rankings --------------------------------------------------------------

def supplier(code, mt, period=Y2023):
    return Evidence(source="snapshot", series="crude.imports", place="CHN", partner=code, period=period,
                    value=mt * 1e6, unit="tonne", url="https://example.org", retrieved=RETRIEVED, publisher="GACC")


TABLE_2023 = [supplier(c, v) for c, v in [("RUS", 107.02), ("SAU", 85.96), ("IRQ", 59.26), ("MYS", 54.79),
                                           ("ARE", 41.82), ("OMN", 39.15), ("BRA", 37.75), ("AGO", 30.03),
                                           ("KWT", 24.53), ("WLD", 563.99)]]
TABLE_2022 = [supplier(c, v, Y2022) for c, v in [("SAU", 87.49), ("RUS", 86.25), ("IRQ", 55.49), ("WLD", 508.28)]]


def ranking(rank, subject="RUS", rival="SAU"):
    places = [Place(code=subject, text=subject, role="subject"), Place(code="CHN", text="China", role="counterpart")]
    if rival:
        places.append(Place(code=rival, text=rival, role="rival"))
    return Claim(id="c1", kind="ranking", text="top supplier", sentence="x", span=SPAN, rank=rank, period=Y2023,
                 places=places, metric=Metric(id="crude.imports", text="crude supplier"))


def test_top_supplier_who_overtook_the_previous_leader():
    v = judge_ranking(ranking(1), "a", TABLE_2023 + TABLE_2022, Settings())
    assert (v.status, v.code) == ("supported", "rank-supported")
    assert "1st of the 9 entries" in v.message
    assert "83.68 Mt" in v.message  # 563.99 total minus the listed suppliers
    assert "2022 Saudi Arabia 87.49 Mt vs Russia 86.25 Mt" in v.message
    shown = {(e.partner, e.period.label) for e in v.evidence}
    assert {("RUS", "2023"), ("SAU", "2023"), ("WLD", "2023"), ("SAU", "2022"), ("RUS", "2022")} <= shown


def test_wrong_rank_is_contradicted():
    v = judge_ranking(ranking(1, subject="SAU", rival=None), "a", TABLE_2023, Settings())
    assert (v.status, v.code) == ("contradicted", "rank-mismatch")
    assert "Saudi Arabia ranks 2nd" in v.message


def test_overtaking_that_did_not_happen():
    v = judge_ranking(ranking(1, rival="IRQ"), "a", TABLE_2023 + TABLE_2022, Settings())
    assert (v.status, v.code) == ("contradicted", "rank-mismatch")


def test_partial_table_without_total_cannot_confirm_a_rank():
    table = [e for e in TABLE_2023 if e.partner != "WLD"]
    v = judge_ranking(ranking(1, rival=None), "a", table, Settings())
    assert (v.status, v.code) == ("unverifiable", "rank-incomplete")


def test_partial_table_whose_gap_could_hide_a_bigger_supplier():
    # 2022: listed entries leave ~279 Mt unaccounted for, more than Saudi Arabia's 87.49
    claim = ranking(1, subject="SAU", rival=None).model_copy(update={"period": Y2022})
    v = judge_ranking(claim, "a", TABLE_2022, Settings())
    assert (v.status, v.code) == ("unverifiable", "rank-incomplete")


def test_previous_period_of_a_leap_day():
    p = Period(start=dt.date(2024, 2, 1), end=dt.date(2024, 2, 29), label="February 2024")
    assert previous_period(p) == Period(start=dt.date(2023, 2, 1), end=dt.date(2023, 2, 28), label="February 2023")


def test_only_countries_are_ranked():
    gdp = lambda code, tn: Evidence(source="snapshot", series="gdp", place=code, period=Y2023, value=tn * 1e12, unit="USD",  # noqa: E731
                                    url="https://example.org", retrieved=RETRIEVED, publisher="World Bank WDI")
    claim = Claim(id="c1", kind="ranking", text="third-largest economy", sentence="x", span=SPAN, rank=3, period=Y2023,
                  places=[Place(code="DEU", text="Germany", role="subject")], metric=Metric(id="gdp", text="economy"))
    rows = [gdp("USA", 27.36), gdp("CHN", 17.79), gdp("DEU", 4.46), gdp("JPN", 4.21), gdp("EAS", 31.0), gdp("HIC", 64.0), gdp("WLD", 56.0)]
    v = judge_ranking(claim, "a", rows, Settings())
    assert (v.status, v.code) == ("supported", "rank-supported")
    assert "3rd of the 4 entries" in v.message
