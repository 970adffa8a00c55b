"""Routing by attribution: which source a claim's text names, whose statistics
it cites, and what the verdict says about it, against the offline snapshot."""

from __future__ import annotations

import datetime as dt

import pytest

from verifier.flow.verify import check
from verifier.match.planner import plan
from verifier.match.routing import reporter, route
from verifier.models import Claim, Metric, Period, Place, Quantity, Span
from verifier.read.documents import from_text
from verifier.sources import load_sources, select


@pytest.fixture(scope="module")
def defined():
    return load_sources()


def claim(metric: str, places: tuple[str, ...], attribution: str | None) -> Claim:
    return Claim(
        id="c1", kind="amount", text="x", sentence="s", span=Span(start=0, end=1, line=1, column=1),
        quantity=Quantity(value=1.0, unit="USD"), period=Period(start=dt.date(2023, 1, 1), end=dt.date(2023, 12, 31), label="2023"),
        places=[Place(code=c, text=c) for c in places], metric=Metric(id=metric, text=metric), attribution=attribution,
    )


def only(defined, *ids):
    return [defined[i] for i in ids]


@pytest.mark.parametrize(
    ("attribution", "cited", "country"),
    [
        ("données des douanes chinoises", ("GACC",), "CHN"),
        ("Chinese customs", ("GACC",), "CHN"),
        ("China's General Administration of Customs", ("GACC",), "CHN"),
        ("aduanas chinas", ("GACC",), "CHN"),
        ("chinesischen Zollbehörde", ("GACC",), "CHN"),
        ("GACC", ("GACC",), None),
        ("données chinoises", (), "CHN"),  # a country's statistics, no source named
        ("Russian customs", (), "RUS"),
        ("l'Insee", (), None),
    ],
)
def test_trade_attributions_in_four_languages(defined, attribution, cited, country):
    r = route(claim("trade.total", ("CHN", "RUS"), attribution), only(defined, "snapshot"), defined.values())
    assert r.cited == cited
    assert r.serving == (("snapshot",) if cited else ())
    assert r.reporter == country


@pytest.mark.parametrize("attribution", ["the World Bank", "la Banque mondiale", "el Banco Mundial", "der Weltbank", "World Bank data"])
def test_the_world_bank_is_the_snapshot_table_and_the_live_source_not_the_world(defined, attribution):
    r = route(claim("gdp", ("USA",), attribution), only(defined, "snapshot", "worldbank"), defined.values())
    assert (r.cited, r.serving, r.disabled, r.reporter) == (("World Bank",), ("snapshot", "worldbank"), (), None)


def test_a_named_source_the_run_does_not_use_or_that_has_no_such_series(defined):
    eurostat = route(claim("population", ("FRA",), "Eurostat"), only(defined, "snapshot"), defined.values())
    assert (eurostat.cited, eurostat.serving, eurostat.disabled) == (("Eurostat",), (), ("eurostat",))
    # Eurostat is defined, but serves no trade series: no point in enabling it
    trade = route(claim("trade.total", ("CHN", "RUS"), "Eurostat"), only(defined, "snapshot"), defined.values())
    assert (trade.disabled, trade.idle) == ((), ("eurostat",))
    # The EIA publishes prices here (the snapshot's tables, the live source), not China's imports
    eia = route(claim("crude.imports", ("CHN", "RUS"), "the EIA"), only(defined, "snapshot", "eia"), defined.values())
    assert (eia.cited, eia.serving, set(eia.idle)) == (("U.S. EIA",), (), {"snapshot", "eia"})


def test_the_named_source_is_asked_first(defined):
    sources = only(defined, "snapshot", "eurostat")
    assert [q.source for q in plan(claim("population", ("FRA",), None), sources).queries] == ["snapshot", "eurostat"]
    assert [q.source for q in plan(claim("population", ("FRA",), "Eurostat"), sources, defined.values()).queries] == ["eurostat", "snapshot"]


def test_the_reporter_is_the_attributed_country_else_the_first_place():
    assert reporter(claim("trade.exports", ("CHN", "RUS"), None)) == "CHN"
    assert reporter(claim("trade.exports", ("CHN", "RUS"), "douanes russes")) == "RUS"
    assert reporter(claim("trade.exports", ("CHN", "RUS"), "U.S. data")) == "CHN"  # not one of the claim's places


def test_a_directed_flow_asks_for_the_partners_mirror_not_the_opposite_flow(defined):
    queries = plan(claim("trade.exports", ("CHN", "RUS"), None), only(defined, "snapshot")).queries
    assert [(q.series, q.places) for q in queries] == [
        ("trade.exports", {"reporter": "CHN", "partner": "RUS"}),
        ("trade.imports", {"reporter": "RUS", "partner": "CHN"}),
    ]


def verdicts(text: str, lang: str, published=dt.date(2025, 2, 1), **options):
    return check([from_text(text, lang=lang, published=published)], **options).verdicts


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Les échanges commerciaux entre la Chine et la Russie ont atteint 240,11 milliards de dollars en 2023, selon les douanes chinoises."),
        ("en", "Trade between China and Russia reached $240.11 billion in 2023, according to Chinese customs."),
        ("es", "El comercio entre China y Rusia alcanzó 240.110 millones de dólares en 2023, según las aduanas chinas."),
    ],
)
def test_a_claim_attributed_to_chinese_customs_is_checked_against_gacc_and_says_so(lang, text):
    (v,) = verdicts(text, lang)
    assert v.code == "supported" and v.evidence[0].publisher.startswith("GACC")
    assert v.message.endswith(f"The text cites GACC (\"{v.claim.attribution}\"): its figures were used.")


def test_a_source_not_in_the_run_is_named_and_the_fallback_said():
    (v,) = verdicts("France's population was 68.37 million in 2023, according to Eurostat.", "en")
    assert v.code == "supported"
    assert v.message.endswith("The text cites Eurostat, a source this run does not use (add --sources eurostat); checked against World Bank WDI instead.")


def test_an_attribution_to_no_configured_source_says_so():
    (v,) = verdicts("La population de la France atteignait 68,37 millions en 2023, selon l'Insee.", "fr")
    assert v.message.endswith("The text attributes the figure to \"Insee\", none of the configured sources; checked against World Bank WDI instead.")


def test_a_named_source_without_the_series():
    (v,) = verdicts("China's crude oil imports from Russia reached 107.02 million tonnes in 2023, according to the EIA.", "en")
    assert v.code == "supported"
    assert ("The text cites U.S. EIA (\"EIA\"), but no series of it for crude oil imports (HS 2709), quantity is defined; "
            "checked against GACC instead.") in v.message


def test_a_claim_with_no_attribution_has_no_routing_sentence():
    (v,) = verdicts("Trade between China and Russia reached $240.11 billion in 2023.", "en")
    assert "cites" not in v.message and "attributes" not in v.message


def test_the_seed_names_gacc_and_chinese_statistics(seed_path):
    from verifier.read.documents import load

    report = check([load(seed_path)])
    by_text = {v.claim.text: v for v in report.verdicts}
    trade = by_text["218,2 milliards de dollars"]
    assert trade.message.endswith("The text cites GACC (\"données des douanes chinoises\"): its figures were used.")
    rank = next(v for v in report.verdicts if v.claim.kind == "ranking")
    assert rank.message.endswith("The text cites China's own statistics (\"données chinoises\"): China's figures were used.")


# -- the mirror, on the snapshot's real figures: GACC's 2024 China-Russia trade --------------------


def test_russias_exports_to_china_are_chinas_imports_from_russia():
    # GACC 2024: China's imports from Russia 129.32 bn USD, exports to Russia 115.49 bn USD.
    (v,) = verdicts("Russia's exports to China reached $129.32 billion in 2024.", "en")
    assert v.code == "supported" and (v.evidence[0].series, v.evidence[0].place) == ("trade.imports", "CHN")
    assert "No Russia-reported figure was found; this is China's imports from Russia, the partner's record of the same flow." in v.message


def test_the_opposite_flow_is_not_the_claims():
    # 115.49 bn is China's exports to Russia; Russia's exports to China were 129.32 bn (as China records them)
    (v,) = verdicts("Russia's exports to China reached $115.49 billion in 2024.", "en")
    assert v.code == "value-mismatch" and v.evidence[0].series == "trade.imports"


def test_routing_data_changes_no_verdict_on_the_seed(monkeypatch, seed_path):
    """Sources that name no publisher give the seed the same verdicts and evidence; only the messages' last sentence differs."""
    from verifier.read.documents import load

    plain = {sid: s.model_copy(update={"publisher_aliases": [], "datasets": {k: d.model_copy(update={"publisher_aliases": []}) for k, d in s.datasets.items()}})
             for sid, s in select(load_sources()).items()}
    with_routing = check([load(seed_path)])
    monkeypatch.setattr("verifier.flow.verify._defined", lambda: plain)
    without = check([load(seed_path)], sources=plain)
    assert [(v.code, v.evidence) for v in with_routing.verdicts] == [(v.code, v.evidence) for v in without.verdicts]
    trade = next(v for v in without.verdicts if v.claim.text == "218,2 milliards de dollars")
    assert trade.message.endswith("The text cites China's own statistics (\"données des douanes chinoises\"): China's figures were used.")
