"""Routing with live sources over pytest-httpx: the named source's evidence is
judged first, and a bilateral flow is checked against the reporter's own
record before the partner's mirror record (UN Comtrade)."""

from __future__ import annotations

import datetime as dt
import json

import httpx
import pytest

from verifier.flow.verify import check
from verifier.read.documents import from_text
from verifier.sources import load_sources

from .payloads import payload

EUROSTAT = payload("eurostat-BUILT-jsonstat2-demo_pjan-DE-EL-FR-2022-2023.json")
COMTRADE = json.loads(payload("comtrade-data-v1-get-C-A-HS-china-2010.json"))


def run(text: str, lang: str, *ids: str, published=dt.date(2025, 2, 1)):
    defined = load_sources()
    report = check([from_text(text, lang=lang, published=published)], sources={i: defined[i] for i in ids})
    (v,) = report.verdicts
    return v


# -- the named source first -------------------------------------------------------------------------
# The BUILT Eurostat answer gives France 68 172 977 on 1 January 2023; the
# snapshot's World Bank table 68.3723 M for 2023: a claim of 68.17 M matches
# the one and not the other.


def test_a_claim_attributed_to_eurostat_is_judged_on_eurostats_figure(httpx_mock):
    httpx_mock.add_response(content=EUROSTAT)
    v = run("France's population was 68.17 million in 2023, according to Eurostat.", "en", "snapshot", "eurostat")
    assert (v.code, v.evidence[0].source, v.evidence[0].value) == ("supported", "eurostat", 68172977.0)
    assert v.message.endswith("The text cites Eurostat: its figures were used.")


def test_a_claim_attributed_to_the_world_bank_is_judged_on_its_figure(httpx_mock):
    httpx_mock.add_response(content=EUROSTAT)
    v = run("France's population was 65.17 million in 2023, according to the World Bank.", "en", "snapshot", "eurostat")
    assert (v.code, v.evidence[0].source) == ("value-mismatch", "snapshot")
    assert v.message.endswith("The text cites World Bank: its figures were used.")


def test_when_the_named_source_fails_the_others_answer_and_the_message_says_so(httpx_mock):
    httpx_mock.add_response(json={"version": "2.0", "class": "dataset"})  # drifted: no dimensions, no values
    v = run("France's population was 68.37 million in 2023, according to Eurostat.", "en", "snapshot", "eurostat")
    assert (v.code, v.evidence[0].source) == ("supported", "snapshot")
    assert v.message.endswith("The text cites Eurostat, which did not answer; checked against World Bank WDI instead.")


def test_when_the_named_source_lacks_the_period_the_others_answer(httpx_mock):
    httpx_mock.add_response(content=EUROSTAT)  # 2022 and 2023 only
    v = run("France's population was 67.57 million in 2021, according to Eurostat.", "en", "snapshot", "eurostat", published=dt.date(2022, 6, 1))
    assert v.evidence[0].source == "snapshot"
    # Eurostat counts on 1 January, the World Bank at mid-year: another publisher's figure never contradicts the cited one's.
    assert v.code == "cited-source-differs"
    assert "The text cites Eurostat, which has no figure for this claim; checked against World Bank WDI instead." in v.message


# -- the reporter's own record before the partner's mirror ---------------------------------------------
# Comtrade answers in the recorded answer's row shape; the figures are
# illustrative (China's exports to Russia and Russia's imports from China in
# 2021 as each side recorded them differ by about 5 bn USD, CIF against FOB).

CHN_EXPORTS, RUS_IMPORTS = 67_570_000_000.0, 72_660_000_000.0


def _comtrade(request: httpx.Request) -> httpx.Response:
    params = request.url.params
    reporter, flow = params["reporterCode"], params["flowCode"]
    rows = []
    for year in params["period"].split(","):
        if year != "2021":
            continue
        row = dict(COMTRADE["data"][0])
        if (reporter, flow) == ("156", "X"):
            row.update(reporterCode=156, reporterISO="CHN", partnerCode=643, partnerISO="RUS", flowCode="X", flowDesc="Export",
                       primaryValue=CHN_EXPORTS, fobvalue=CHN_EXPORTS, cifvalue=None)
        elif (reporter, flow) == ("643", "M"):
            row.update(reporterCode=643, reporterISO="RUS", partnerCode=156, partnerISO="CHN", flowCode="M", flowDesc="Import",
                       primaryValue=RUS_IMPORTS, cifvalue=RUS_IMPORTS)
        else:
            continue
        row.update(period=year, refYear=int(year), refPeriodId=int(year) * 10000 + 101)
        rows.append(row)
    return httpx.Response(200, json={"elapsedTime": "0.1 secs", "count": len(rows), "data": rows, "error": ""})


@pytest.fixture
def comtrade(httpx_mock):
    httpx_mock.add_callback(_comtrade, is_reusable=True)
    return httpx_mock


def test_the_reporters_own_figure_decides(comtrade):
    v = run("China's exports to Russia reached $67.57 billion in 2021.", "en", "comtrade", published=dt.date(2022, 3, 1))
    assert (v.code, v.evidence[0].place, v.evidence[0].series) == ("supported", "CHN", "trade.exports")
    asked = sorted((r.url.params["reporterCode"], r.url.params["flowCode"], r.url.params["partnerCode"]) for r in comtrade.get_requests())
    assert asked == [("156", "X", "643"), ("643", "M", "156")]  # own series and the mirror, never Russia's exports


def test_a_claim_matching_only_the_mirror_is_not_contradicted(comtrade):
    v = run("China's exports to Russia reached $72.66 billion in 2021.", "en", "comtrade", published=dt.date(2022, 3, 1))
    assert (v.status, v.code, v.level) == ("unverifiable", "sources-disagree", "warning")
    assert [(e.place, e.series, e.value) for e in v.evidence] == [("CHN", "trade.exports", CHN_EXPORTS), ("RUS", "trade.imports", RUS_IMPORTS)]
    assert "China's exports to Russia: 67.57 bn USD" in v.message and "outside the interval" in v.message
    assert "Russia's imports from China: 72.66 bn USD" in v.message and "the text's figure is Russia's record" in v.message


def test_a_claim_matching_neither_is_contradicted_against_the_reporters_figure(comtrade):
    v = run("China's exports to Russia reached $80 billion in 2021.", "en", "comtrade", published=dt.date(2022, 3, 1))
    assert (v.code, v.evidence[0].place) == ("value-mismatch", "CHN")


def test_an_attribution_to_the_partners_customs_prefers_its_record(comtrade):
    text = "Les exportations de la Chine vers la Russie ont atteint 72,66 milliards de dollars en 2021, selon les douanes russes."
    v = run(text, "fr", "comtrade", published=dt.date(2022, 3, 1))
    assert (v.code, v.evidence[0].place, v.evidence[0].series) == ("supported", "RUS", "trade.imports")
    assert v.message.endswith("The text cites Russia's own statistics (\"douanes russes\"): Russia's figures were used.")
    # ... and then China's own record is the one that disagrees
    v = run(text.replace("72,66", "67,57"), "fr", "comtrade", published=dt.date(2022, 3, 1))
    assert v.code == "sources-disagree" and "the text's figure is China's record" in v.message
