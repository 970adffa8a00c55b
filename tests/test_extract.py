"""Extraction of every claim of the seed, and of the same shapes in English."""

import datetime as dt

import pytest

from verifier.extract import extract, parse
from verifier.read.documents import from_text, load


@pytest.fixture(scope="module")
def seed_claims():
    from conftest import SEED

    return extract(load(SEED))


def by_text(claims, text):
    return next(c for c in claims if c.text == text)


def test_seed_language_and_date_come_from_the_file(seed_path):
    doc = load(seed_path)
    assert doc.lang == "fr"
    assert doc.published == dt.date(2024, 2, 1)
    assert doc.text.startswith(" date 2024-02 Le président")
    assert doc.skipped == [(0, 14)]


def test_seed_trade_total(seed_claims):
    c = by_text(seed_claims, "218,2 milliards de dollars")
    assert c.kind == "amount"
    assert c.quantity.value == 218.2e9 and c.quantity.unit == "USD"
    assert c.quantity.comparator == "=" and c.quantity.precision == pytest.approx(5e7)
    assert (c.period.start, c.period.end) == (dt.date(2023, 1, 1), dt.date(2023, 11, 30))
    assert c.period.label == "January–November 2023"
    assert [p.code for p in c.places] == ["CHN", "RUS"]
    assert [p.text for p in c.places] == ["la Chine", "la Russie"]
    assert c.metric.id == "trade.total" and c.metric.text == "échanges commerciaux"
    assert c.attribution == "données des douanes chinoises"


def test_seed_crude_ranking(seed_claims):
    c = next(c for c in seed_claims if c.kind == "ranking")
    assert c.rank == 1
    assert c.text == "premier fournisseur de pétrole brut"
    assert c.metric.id == "crude.imports"
    assert {p.role: p.code for p in c.places} == {"subject": "RUS", "counterpart": "CHN", "rival": "SAU"}
    assert (c.period.start, c.period.end) == (dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    # "publiées le mois dernier" dates the data's release, not the ranking
    assert c.attribution == "données chinoises"


def test_seed_meetings_count_is_kept(seed_claims):
    c = by_text(seed_claims, "deux reprises")
    assert c.kind == "count"
    assert c.quantity.value == 2 and c.quantity.unit == ""
    assert c.period.label == "2023"
    assert c.metric is None
    assert c.places == []  # the trade clause's countries are not the meetings'


def test_seed_spans_point_into_the_file(seed_claims, seed_path):
    text = load(seed_path).text
    lines = text.split("\n")
    for c in seed_claims:
        assert text[c.span.start : c.span.end] == c.text
        assert lines[c.span.line - 1][c.span.column - 1 :].startswith(c.text)


def test_seed_years_and_determiners_are_not_claims(seed_claims):
    texts = {c.text for c in seed_claims}
    assert not texts & {"2022", "2019", "2024", "deux", "deux pays"}
    assert len(seed_claims) == 4


def test_english_rendering_reads_the_same():
    doc = from_text(
        "Russia overtook Saudi Arabia to become China's top crude supplier in 2023, according to Chinese data. "
        "Trade between China and Russia reached $218.2bn between January and November, according to Chinese customs.",
        lang="en",
        published=dt.date(2024, 2, 8),
    )
    claims = extract(doc)
    rank = next(c for c in claims if c.kind == "ranking")
    assert rank.text == "top crude supplier" and rank.rank == 1
    assert {p.role: p.code for p in rank.places} == {"subject": "RUS", "counterpart": "CHN", "rival": "SAU"}
    trade = next(c for c in claims if c.kind == "amount")
    assert trade.quantity.value == pytest.approx(218.2e9) and trade.quantity.unit == "USD"
    assert trade.period.label == "January–November 2023"
    assert trade.metric.id == "trade.total"
    assert trade.attribution == "Chinese customs"


@pytest.mark.parametrize(
    "lang,text,value,unit,comparator,precision",
    [
        ("fr", "près de 107 millions de tonnes", 107e6, "tonne", "~", 5e5),
        ("fr", "1 234,5 t", 1234.5, "tonne", "=", 0.05),
        ("fr", "1,500 milliard d'euros", 1.5e9, "EUR", "=", 5e5),
        ("en", "more than 1,500 barrels per day", 1500, "barrel / day", ">", 50),
        ("en", "nearly 107 Mt", 107e6, "tonne", "~", 5e5),
        ("en", "$218.2bn", 218.2e9, "USD", "=", 5e7),
        ("en", "200 billion dollars", 200e9, "USD", "=", 10e9),
        ("en", "USD77.4", 77.4, "USD", "=", 0.05),
    ],
)
def test_quantities(lang, text, value, unit, comparator, precision):
    (q,) = parse("quantities", text, lang=lang)
    assert q["value"] == pytest.approx(value)
    assert q["unit"] == unit
    assert q["comparator"] == comparator
    assert q["precision"] == pytest.approx(precision)
    assert q["text"] == text


@pytest.mark.parametrize(
    "lang,text,start,end",
    [
        ("fr", "entre janvier et novembre", "2023-01-01", "2023-11-30"),
        ("fr", "l'année dernière", "2023-01-01", "2023-12-31"),
        ("fr", "le mois dernier", "2024-01-01", "2024-01-31"),
        ("fr", "en 2023", "2023-01-01", "2023-12-31"),
        ("fr", "au premier trimestre 2023", "2023-01-01", "2023-03-31"),
        ("fr", "le 3 octobre", "2023-10-03", "2023-10-03"),
        ("en", "between January and November", "2023-01-01", "2023-11-30"),
        ("en", "January-November 2022", "2022-01-01", "2022-11-30"),
        ("en", "last year", "2023-01-01", "2023-12-31"),
        ("en", "in the first half", "2023-01-01", "2023-06-30"),
    ],
)
def test_periods_resolve_against_publication(lang, text, start, end):
    (p,) = parse("periods", text, lang=lang, published=dt.date(2024, 2, 1))
    assert (p["start"], p["end"]) == (start, end)


def test_a_range_not_yet_ended_is_last_years():
    (p,) = parse("periods", "entre janvier et novembre", lang="fr", published=dt.date(2024, 11, 15))
    assert p["start"] == "2023-01-01"
    (p,) = parse("periods", "entre janvier et novembre", lang="fr", published=dt.date(2024, 12, 15))
    assert p["start"] == "2024-01-01"


@pytest.mark.parametrize(
    "lang,text,codes",
    [
        ("fr", "Moscou et Pékin commercent", ["RUS", "CHN"]),
        ("fr", "selon les douanes chinoises, l'Arabie saoudite", ["CHN", "SAU"]),
        ("en", "Washington and the European Union", ["USA", "EUU"]),
        ("en", "fine china and a turkey", []),
    ],
)
def test_places(lang, text, codes):
    assert [p["code"] for p in parse("places", text, lang=lang)] == codes


def test_a_sentence_without_figures_yields_no_claim():
    doc = from_text("Le Kremlin a déclaré jeudi que les deux dirigeants s'étaient parlé.", lang="fr")
    assert extract(doc) == []


@pytest.mark.parametrize(
    "lang,text,kind,value,unit",
    [
        ("en", "Exports rose 7.8% in 2023.", "change", 7.8, "%"),
        ("en", "Imports fell by 2.5 percent to $117.8bn.", "change", -2.5, "%"),
        ("en", "Imports fell to $117.8bn.", "amount", 117.8e9, "USD"),
        ("fr", "Les exportations ont bondi de 50,2 % sur un an.", "change", 50.2, "%"),
        ("fr", "Les importations ont reculé à 117,84 milliards de dollars.", "amount", 117.84e9, "USD"),
        ("fr", "Le PIB a progressé (+5,2 %).", "change", 5.2, "%"),
        ("fr", "Le commerce a doublé.", "change", 100.0, "%"),
        ("de", "Die Exporte stiegen im vergangenen Jahr um 4,1 Prozent.", "change", 4.1, "%"),
        ("de", "Die Importe gingen um 3 Prozent zurück.", "change", -3.0, "%"),
        ("de", "Die Schulden stiegen auf 2,5 Billionen Euro.", "amount", 2.5e12, "EUR"),
        ("es", "Las exportaciones subieron un 12,5 % el año pasado.", "change", 12.5, "%"),
        ("es", "Las importaciones cayeron hasta 20.200 millones de dólares.", "amount", 20.2e9, "USD"),
        ("es", "El comercio se duplicó.", "change", 100.0, "%"),
        # A comparative after a figure, with an earlier time, is a change ("plus" without its article is no superlative).
        ("fr", "Le PIB est 0,7 % plus élevé en 2023 qu'en 2019.", "change", 0.7, "%"),
        ("es", "La inflación fue 4,9 puntos menor que la de 2022.", "change", -4.9, "pp"),
        ("de", "Das operative Ergebnis legte allerdings um gut zwei Prozent zu.", "change", 2.0, "%"),
    ],
)
def test_changes_and_levels(lang, text, kind, value, unit):
    claim = extract(from_text(text, lang=lang, published=dt.date(2024, 2, 8)))[0]
    assert (claim.kind, claim.quantity.unit) == (kind, unit)
    assert claim.quantity.value == pytest.approx(value)


@pytest.mark.parametrize(
    "lang,text,value,unit,period,places,metric",
    [
        ("es", "El comercio entre China y Rusia alcanzó 218.200 millones de dólares entre enero y noviembre.",
         218.2e9, "USD", ("2023-01-01", "2023-11-30"), ["CHN", "RUS"], "trade.total"),
        ("es", "Las importaciones alcanzaron 1,5 billones de yuanes en 2023.", 1.5e12, "CNY", ("2023-01-01", "2023-12-31"), [], "trade.imports"),
        ("de", "Der Handel zwischen China und Russland erreichte von Januar bis November 218,2 Milliarden Dollar.",
         218.2e9, "USD", ("2023-01-01", "2023-11-30"), ["CHN", "RUS"], "trade.total"),
        ("de", "Die Inflation in Deutschland lag im Januar bei 2,9 Prozent.", 2.9, "%", ("2024-01-01", "2024-01-31"), ["DEU"], "inflation.cpi"),
        ("de", "Die Schulden liegen bei 1.234,5 Mio. Euro.", 1234.5e6, "EUR", None, [], None),
    ],
)
def test_spanish_and_german_amounts(lang, text, value, unit, period, places, metric):
    (claim,) = extract(from_text(text, lang=lang, published=dt.date(2024, 2, 8)))
    assert claim.quantity.value == pytest.approx(value) and claim.quantity.unit == unit
    assert (claim.period and (claim.period.start.isoformat(), claim.period.end.isoformat())) == period
    assert [p.code for p in claim.places] == places
    assert (claim.metric and claim.metric.id) == metric


@pytest.mark.parametrize(
    "lang,text",
    [
        ("de", "Russland überholte Saudi-Arabien und wurde 2023 Chinas größter Rohöllieferant."),
        ("es", "Rusia superó a Arabia Saudí para convertirse en el mayor proveedor de crudo de China en 2023."),
    ],
)
def test_rankings_in_spanish_and_german(lang, text):
    (claim,) = extract(from_text(text, lang=lang, published=dt.date(2024, 2, 8)))
    assert claim.kind == "ranking" and claim.rank == 1
    assert {p.role: p.code for p in claim.places} == {"subject": "RUS", "counterpart": "CHN", "rival": "SAU"}
    assert claim.period.label == "2023"


@pytest.mark.parametrize(
    "lang,text",
    [
        ("fr", "Le gouvernement a utilisé l'article 49.3 mardi."),
        ("fr", "La réunion commence à 14:30, appelez le 01 23 45 67 89."),
        ("fr", "Un homme âgé de 45 ans a été interpellé le 1er mars 2023."),
        ("en", "See page 12 and section 4 of the 2019 report, or call +1 202 555 0143."),
        ("de", "Nach Paragraf 218 und Artikel 5 des Grundgesetzes."),
        ("es", "El artículo 135 de la Constitución de 1978."),
        ("en", "The two leaders met in Beijing."),
        ("en", "The ABC123 model and the G20 summit."),
        ("fr", "Les deux dirigeants se sont vus un mois de décembre."),
    ],
)
def test_not_claims(lang, text):
    assert extract(from_text(text, lang=lang, published=dt.date(2024, 2, 8))) == []


@pytest.mark.parametrize(
    "lang,text",
    [
        ("en", "Solar supplied 5.5% of global electricity in 2023."),
        ("fr", "Le solaire a fourni 5,5 % de l'électricité mondiale en 2023."),
        ("de", "Solarstrom deckte 2023 rund 5,5 Prozent des weltweiten Strombedarfs."),
        ("es", "La solar aportó el 5,5 % de la electricidad mundial en 2023."),
    ],
)
def test_shares(lang, text):
    (claim,) = extract(from_text(text, lang=lang, published=dt.date(2024, 2, 8)))
    assert claim.kind == "share" and claim.quantity.value == pytest.approx(5.5) and claim.quantity.unit == "%"
    assert claim.period.label == "2023"


@pytest.mark.parametrize(
    "lang,text,start,end",
    [
        ("fr", "au cours des onze premiers mois de 2022", "2022-01-01", "2022-11-30"),
        ("en", "in the first eleven months", "2023-01-01", "2023-11-30"),
        ("de", "in den ersten elf Monaten", "2023-01-01", "2023-11-30"),
        ("es", "en los primeros 11 meses", "2023-01-01", "2023-11-30"),
        ("de", "im ersten Quartal 2023", "2023-01-01", "2023-03-31"),
        ("es", "en el primer semestre", "2023-01-01", "2023-06-30"),
        ("de", "im vergangenen Jahr", "2023-01-01", "2023-12-31"),
        ("es", "de enero a noviembre", "2023-01-01", "2023-11-30"),
        ("de", "von Januar bis November", "2023-01-01", "2023-11-30"),
        # "the last quarter" with no year is the last one ended before publication, with one the year's fourth.
        ("fr", "au cours du dernier trimestre écoulé", "2023-10-01", "2023-12-31"),
        ("en", "in the last quarter of 2022", "2022-10-01", "2022-12-31"),
        # The twelve months to a month date a year-on-year rate by the month.
        ("en", "in the 12 months to May", "2023-05-01", "2023-05-31"),
        ("de", "in den zwölf Monaten bis Januar", "2024-01-01", "2024-01-31"),
        ("en", "for the last three months of 2022", "2022-10-01", "2022-12-31"),
        # The turn of the year last passed is its last day; a month after a demonstrative is the latest one.
        ("de", "zum Jahreswechsel", "2023-12-31", "2023-12-31"),
        ("fr", "à la fin de l'année dernière", "2023-12-31", "2023-12-31"),
        ("de", "in diesem Januar", "2024-01-01", "2024-01-31"),
        ("es", "el pasado diciembre", "2023-12-01", "2023-12-31"),
    ],
)
def test_periods_in_four_languages(lang, text, start, end):
    (p,) = parse("periods", text, lang=lang, published=dt.date(2024, 2, 8))
    assert (p["start"], p["end"]) == (start, end)


def test_the_last_quarter_is_the_last_ended():
    (p,) = parse("periods", "im letzten Quartal", lang="de", published=dt.date(2024, 5, 17))
    assert (p["start"], p["end"]) == ("2024-01-01", "2024-03-31")


@pytest.mark.parametrize(
    "lang,text,value,unit",
    [
        ("en", "Brent averaged $82.49 a barrel in 2023.", 82.49, "USD / barrel"),
        ("fr", "Le Brent valait 82,49 dollars le baril en 2023.", 82.49, "USD / barrel"),
        ("de", "Brent kostete 2023 im Schnitt 82,49 Dollar je Barrel.", 82.49, "USD / barrel"),
        ("es", "El Brent promedió 82,49 dólares por barril en 2023.", 82.49, "USD / barrel"),
        # The unit named before the price, its article no count of one.
        ("de", "Ein Barrel Brent kostete 2023 im Schnitt 82,49 Dollar.", 82.49, "USD / barrel"),
        ("fr", "En 2023, le baril de Brent s'est échangé en moyenne à 82,49 dollars.", 82.49, "USD / barrel"),
        ("en", "In 2023 a barrel of Brent cost $82.49 on average.", 82.49, "USD / barrel"),
        # A price named by its market alone is per its unit; a hundredth takes the currency of its sentence.
        ("en", "In 2023 WTI crude traded at $77.58 on average.", 77.58, "USD / barrel"),
    ],
)
def test_money_per_unit(lang, text, value, unit):
    (claim,) = extract(from_text(text, lang=lang, published=dt.date(2024, 2, 8)))
    assert (claim.quantity.value, claim.quantity.unit) == (pytest.approx(value), unit)
    assert claim.metric.id.startswith("oil.price.") and claim.period.label == "2023"


@pytest.mark.parametrize(
    "lang,text,value,unit",
    [
        # The currency named before the figure, in its own sentence; against the dollar, as markets quote each.
        ("en", "Rates diverged between the U.S. and Japan.\n\nThe yen stood at 160.63 per dollar on Thursday.", 160.63, "JPY / USD"),
        ("fr", "Lundi, le yuan onshore se renforçait, à 7,2766 contre le dollar.", 7.2766, "CNY / USD"),
        ("en", "On Monday the euro traded at 1.09 against the dollar.", 1.09, "USD / EUR"),
    ],
)
def test_exchange_rates(lang, text, value, unit):
    (claim,) = extract(from_text(text, lang=lang, published=dt.date(2024, 2, 8)))
    assert (claim.quantity.value, claim.quantity.unit, claim.metric.id) == (pytest.approx(value), unit, "fx.per_usd")


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("de", "Der Preis für ein Fass der Sorte WTI stieg um 40 Cent auf 72,17 Dollar.", [(0.4, "USD / barrel"), (72.17, "USD / barrel")]),
        ("de", "Das Porto steigt um 10 Cent auf 95 Cent.", [(0.1, "EUR"), (0.95, "EUR")]),
        ("es", "La tasa de paro bajó seis décimas.", [(-0.6, "pp")]),
        ("en", "Unemployment was 6.3 pct in May.", [(6.3, "%")]),
    ],
)
def test_subunits_and_tenths(lang, text, expected):
    claims = extract(from_text(text, lang=lang, published=dt.date(2024, 2, 8)))
    assert [(c.quantity.value, c.quantity.unit) for c in claims] == expected


def test_acronyms_only_in_capitals():
    assert [p["code"] for p in parse("places", "US inflation rose; the EU and the UAE; tell us", lang="en")] == ["USA", "EUU", "ARE"]


@pytest.mark.parametrize(
    "lang,text,rank,metric,subject",
    [
        ("en", "India became the world's most populous country in 2023.", 1, "population", "IND"),
        ("fr", "L'Allemagne est devenue la troisième économie mondiale en 2023.", 3, "gdp", "DEU"),
        ("de", "Indien ist seit 2023 das bevölkerungsreichste Land der Welt.", 1, "population", "IND"),
        ("es", "India se convirtió en el país más poblado del mundo en 2023.", 1, "population", "IND"),
    ],
)
def test_rankings_beyond_suppliers(lang, text, rank, metric, subject):
    (claim,) = [c for c in extract(from_text(text, lang=lang, published=dt.date(2024, 2, 8))) if c.kind == "ranking"]
    assert (claim.rank, claim.metric.id) == (rank, metric)
    assert {p.role: p.code for p in claim.places}["subject"] == subject


def test_first_half_is_no_ranking():
    claims = extract(from_text("In the first half of 2023 exports rose 5%.", lang="en", published=dt.date(2024, 2, 8)))
    assert [c.kind for c in claims] == ["change"]


@pytest.mark.parametrize(
    "lang,text,values",
    [
        ("fr", "Elle a importé 42,1 millions de tonnes, dont 9,6 millions des États-Unis.", [(42.1e6, "tonne"), (9.6e6, "tonne")]),
        ("fr", "Elles sont passées de 15,7 à 22,4 millions de tonnes.", [(15.7e6, "tonne"), (22.4e6, "tonne")]),
        ("en", "The deficit narrowed to €99.6 billion from 162.7 billion.", [(99.6e9, "EUR"), (162.7e9, "EUR")]),
        ("en", "Inflation was 3.1%. Output fell by 2 million.", [(3.1, "%"), (2e6, "")]),
    ],
)
def test_units_carry_to_bare_figures(lang, text, values):
    found = [(q["value"], q["unit"]) for q in parse("quantities", text, lang=lang)]
    assert found == [(pytest.approx(v), u) for v, u in values]


@pytest.mark.parametrize(
    "lang,text,rank",
    [
        ("en", "Kazakhstan is the largest uranium producer in the world.", 1),
        ("en", "Brazil remained the second supplier of soybeans to Europe.", 2),
        ("fr", "Le Brésil est le deuxième exportateur mondial de soja.", 2),
        ("fr", "2022 a été la troisième année la plus sèche en Espagne.", 3),
        ("es", "Chile es el mayor productor de cobre del mundo.", 1),
        ("de", "Kasachstan ist der größte Uranproduzent der Welt.", 1),
        # A place in a table ranks as well.
        ("fr", "Les États-Unis se classent au 10e rang en 2023.", 10),
        ("es", "Rusia ocupa la sexta posición entre los socios de China.", 6),
        ("en", "The UK fell to the sixth spot in 2021.", 6),
        ("de", "Von 2007 bis 2022 rangierte Deutschland ununterbrochen auf Platz vier.", 4),
    ],
)
def test_rankings_without_a_catalogue_metric(lang, text, rank):
    # A rank is a claim even when no source can check it yet: metric is null.
    (claim,) = [c for c in extract(from_text(text, lang=lang, published=dt.date(2024, 2, 8))) if c.kind == "ranking"]
    assert claim.rank == rank and claim.metric is None


@pytest.mark.parametrize(
    "lang,text",
    [
        ("en", "It is one of the largest oil fields in Asia."),
        ("en", "The yield hit its highest since 2007."),
        ("en", "The field is larger than the one in Texas."),
        ("en", "He met the prime minister for the first time."),
        ("fr", "Les deux plus grands pays du continent ont signé."),
        ("es", "Es uno de los mayores yacimientos de Asia."),
        ("de", "Die beiden größten Volkswirtschaften der Welt verhandeln."),
        ("en", "In the first place, the deal was never signed."),
        ("es", "En primer lugar, el acuerdo no se firmó."),
    ],
)
def test_no_ranking_without_a_rank(lang, text):
    claims = extract(from_text(text, lang=lang, published=dt.date(2024, 2, 8)))
    assert [c for c in claims if c.kind == "ranking"] == []


@pytest.mark.parametrize(
    "lang,text,value,unit",
    [
        ("fr", "Le taux de chômage est passé de 7,1 % à 7,5 % en un an.", 0.4, "pp"),
        ("en", "Output fell from 12 million tonnes to 10.5 million tonnes.", -1.5e6, "tonne"),
        ("en", "The rate rose to 5.1% in March from 4.8% in February.", 0.3, "pp"),
        ("es", "La deuda bajó del 60 % en 2022 al 55 % en 2023.", -5, "pp"),
        ("de", "Der Preis stieg von 80 auf 95 Dollar.", 15, "USD"),
    ],
)
def test_from_one_level_to_another_is_one_change(lang, text, value, unit):
    claims = extract(from_text(text, lang=lang, published=dt.date(2024, 5, 8)))
    (claim,) = [c for c in claims if c.quantity is not None]
    assert claim.kind == "change" and claim.quantity.unit == unit
    assert claim.quantity.value == pytest.approx(value)


def test_a_change_between_two_periods_spans_both():
    claims = extract(from_text("La deuda bajó del 60 % en 2022 al 55 % en 2023.", lang="es", published=dt.date(2024, 5, 8)))
    assert (claims[0].period.start, claims[0].period.end) == (dt.date(2022, 1, 1), dt.date(2023, 12, 31))


def test_up_from_names_the_earlier_level():
    claims = extract(from_text("Sales reached $20bn in 2023, up from $19bn in 2022.", lang="en", published=dt.date(2024, 5, 8)))
    assert [(c.kind, c.quantity.value) for c in claims] == [("amount", 20e9), ("amount", 19e9)]


@pytest.mark.parametrize(
    "lang,text,kinds",
    [
        ("en", "Copper fell $120, or 1.4%, on Monday.", [("change", -120), ("change", -1.4)]),
        ("fr", "Les ventes ont progressé de 3 % en 2023, après 4 % en 2022.", [("change", 3), ("change", 4)]),
        ("es", "Las ventas cayeron un 2 % en 2023, frente al 5 % de 2022.", [("change", -2), ("change", -5)]),
        ("en", "Coal made up 30% of the mix in 2019, compared with 12% in 2023.", [("share", 30), ("share", 12)]),
        ("de", "Die Produktion lag 4 Prozent niedriger als im Vorjahr.", [("change", -4)]),
        ("en", "Output was 4% higher than in Germany.", [("comparison", 4)]),
        ("es", "Perú produjo 2,6 millones de toneladas, un 3 % más que un año antes.", [("amount", 2.6e6), ("change", 3)]),
        ("fr", "La part du gaz dans le mix a reculé de 2 points, à 18 %.", [("change", -2), ("share", 18)]),
        ("de", "Der Haushalt umfasst 500 Milliarden Euro, davon 20 Prozent für Soziales.", [("amount", 500e9), ("share", 20)]),
    ],
)
def test_kinds_follow_the_sentence(lang, text, kinds):
    claims = extract(from_text(text, lang=lang, published=dt.date(2024, 5, 8)))
    assert [(c.kind, pytest.approx(c.quantity.value)) for c in claims if c.quantity] == kinds


@pytest.mark.parametrize(
    "lang,text,subject,rivals",
    [
        ("en", "Brazil exported more soybeans in 2023, more than Argentina or Paraguay.", "BRA", ["ARG", "PRY"]),
        ("fr", "Le Brésil produit plus que l'Argentine.", "BRA", ["ARG"]),
        ("es", "El oleoducto de Perú es más largo que el de Chile.", "PER", []),
        ("de", "Die Leitung in Polen ist kürzer als die in Tschechien.", "POL", []),
    ],
)
def test_comparisons_with_a_place_and_no_figure(lang, text, subject, rivals):
    claims = [c for c in extract(from_text(text, lang=lang, published=dt.date(2024, 5, 8))) if c.kind == "comparison"]
    if not rivals:  # the place compared with is not right after the comparative: no claim is better than a wrong one
        assert claims == []
        return
    (claim,) = claims
    assert claim.quantity is None
    assert [p.code for p in claim.places if p.role == "subject"] == [subject]
    assert [p.code for p in claim.places if p.role == "rival"] == rivals


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("en", "Gasoline rose 8 cents to $3.52 a gallon.", [(0.08, "USD"), (3.52, "USD")]),
        ("de", "Strom kostete 38,5 Cent je Kilowattstunde.", [(0.385, "EUR / kilowatt_hour")]),
        ("en", "The rupee traded at 83.2 rupees per dollar.", [(83.2, "INR / USD")]),
        ("es", "El níquel cotiza a 16.000 dólares la tonelada.", [(16000, "USD / tonne")]),
        ("en", "Power cost 90 euros per megawatt hour, against 300 euros in August.", [(90, "EUR / megawatt_hour"), (300, "EUR / megawatt_hour")]),
        ("es", "El déficit fue de 2.500 millones de CHF.", [(2.5e9, "CHF")]),
        ("en", "The Nord Stream 2 pipeline cost 9.5 billion euros.", [(9.5e9, "EUR")]),
        ("es", "La UE aprobó doce paquetes de sanciones.", [(12, "")]),
        ("es", "Los dos países firmaron el acuerdo.", []),
        ("en", "Sea temperatures hit 21.1C in August.", [(21.1, "degree_Celsius")]),
    ],
)
def test_money_units_and_names(lang, text, expected):
    found = [(q["value"], q["unit"]) for q in parse("quantities", text, lang=lang, published=dt.date(2024, 5, 8))]
    assert found == [(pytest.approx(v), u) for v, u in expected]


def test_the_number_inside_a_multiple_is_no_quantity_of_its_own():
    found = parse("quantities", "Spain produced twice as much solar power as France.", lang="en")
    assert [(q["value"], q["unit"]) for q in found] == [(100.0, "%")]


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("de", "Die Importe von russischem Gas und norwegischem Öl stiegen.", ["RUS", "NOR"]),
        ("de", "Großbritanniens Defizit wuchs.", ["GBR"]),
    ],
)
def test_declined_adjectives_and_common_names(lang, text, expected):
    assert [p["code"] for p in parse("places", text, lang=lang)] == expected


@pytest.mark.parametrize(
    "lang,text,kinds",
    [
        ("de", "Der Preis hat seit Jahresbeginn 12 Prozent zugelegt und liegt bei 80 Dollar.", [("change", 12), ("amount", 80)]),
        ("de", "Der Absatz ist 2023 um 2 Prozent gesunken, nachdem er 2022 um 5 Prozent gestiegen war.", [("change", -2), ("change", 5)]),
        ("de", "Die Regierung hat die Steuern viermal erhöht.", [("count", 4)]),
        ("de", "Die Delegation unterzeichnete in Paris 12 Verträge.", [("amount", 12)]),
        ("fr", "La France importe la moitié de son gaz de Norvège.", [("share", 50)]),
        ("en", "Unemployment fell by 40,000 to 1.2 million.", [("change", -40000), ("amount", 1.2e6)]),
    ],
)
def test_german_verbs_counts_and_fractions(lang, text, kinds):
    claims = extract(from_text(text, lang=lang, published=dt.date(2024, 5, 8)))
    assert [(c.kind, pytest.approx(c.quantity.value)) for c in claims if c.quantity] == kinds


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("de", "Die Exporte sind 2023 um 12 Prozent gesunken.", [("change", "12 Prozent gesunken")]),
        # An amount before a verb is its subject, not a change: only the level after "to" is a figure of its own.
        ("en", "Oil at $80 a barrel lifted revenue to $10 billion in 2023.", [("amount", "$80 a barrel"), ("amount", "$10 billion")]),
    ],
)
def test_a_claims_text_covers_its_figure_and_verb(lang, text, expected):
    claims = extract(from_text(text, lang=lang, published=dt.date(2024, 5, 8)))
    assert [(c.kind, c.text) for c in claims] == expected
    assert all(c.quantity.unit != "USD / barrel" or c.quantity.value < 1000 for c in claims)


@pytest.mark.parametrize(
    "lang,text,basis",
    [
        ("en", "GDP grew 0.3% q/q in the first quarter.", "quarter"),
        ("es", "En el 1T de 2024, el PIB creció un 0,2 % trimestral.", "quarter"),
        ("de", "Im ersten Quartal legte das BIP gegenüber dem Vorquartal um 0,2 Prozent zu.", "quarter"),
        ("fr", "Les prix ont augmenté de 0,4 % sur un mois en mars.", "month"),
        ("en", "Exports rose 5% year-on-year in March.", "year"),
        ("en", "Exports rose 5% in March.", None),
    ],
)
def test_what_a_change_is_measured_against(lang, text, basis):
    (claim,) = extract(from_text(text, lang=lang, published=dt.date(2024, 5, 8)))
    assert claim.kind == "change" and claim.basis == basis


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("en", "Apple's profit beat forecasts by $2 billion.", [("comparison", 2e9, "=")]),
        ("en", "Public debt topped $3 trillion for the first time.", [("amount", 3e12, ">")]),
        ("fr", "La production a dépassé de 50 000 b/j le quota fixé.", [("comparison", 50000, "=")]),
        ("fr", "Les stocks étaient pleins à 80 %, contre 60 % un an plus tôt.", [("amount", 80, "="), ("amount", 60, "=")]),
        ("de", "Der Absatz lag im Mai um 3 Prozent unter dem Vorjahresmonat.", [("change", -3, "=")]),
        ("en", "Inflation eased from 4.4% in December to 3.8% in January.", [("change", -0.6, "=")]),
    ],
)
def test_targets_earlier_times_and_levels(lang, text, expected):
    claims = extract(from_text(text, lang=lang, published=dt.date(2024, 6, 8)))
    assert [(c.kind, pytest.approx(c.quantity.value), c.quantity.comparator) for c in claims if c.quantity] == expected


@pytest.mark.parametrize(
    "lang,text,attribution,places",
    [
        ("en", "Global GDP grew 3.1% in 2023, the World Bank said.", "World Bank", ["WLD"]),
        ("de", "Die Inflation lag im April laut Eurostat bei 2,4 Prozent.", "Eurostat", []),
        ("de", "Die Exporte stiegen um 5 Prozent, wie der Zoll in Peking mitteilte.", "Zoll in Peking", []),
        # The country of a statistics office is recorded as inferred (below), not as named.
        ("fr", "Le PIB a progressé de 0,9 % en 2023, a indiqué l'Insee.", "Insee", ["FRA"]),
    ],
)
def test_attributions_before_and_after_the_figure(lang, text, attribution, places):
    (claim,) = extract(from_text(text, lang=lang, published=dt.date(2024, 5, 8)))
    # A place inside the attribution ("World" in "World Bank") is who said it, not what the figure is about.
    assert claim.attribution == attribution and [p.code for p in claim.places] == places


@pytest.mark.parametrize(
    "lang,text,code",
    [
        ("fr", "L'inflation a atteint 4,9 % en 2023, selon l'Insee.", "FRA"),
        ("es", "La inflación cerró 2023 en el 3,1 %, según detalla el INE.", "ESP"),
        ("de", "Die Inflationsrate lag 2023 bei 5,9 Prozent, teilte Destatis mit.", "DEU"),
        ("en", "Inflation averaged 4.1% in 2023, the Bureau of Labor Statistics said.", "USA"),
    ],
)
def test_a_statistics_office_names_its_country_as_an_inference(lang, text, code):
    claim = next(c for c in extract(from_text(text, lang=lang, published=dt.date(2024, 5, 8))) if c.metric)
    assert [p.code for p in claim.places] == [code]
    assert [(i.field, i.span is not None) for i in claim.inherited] == [("places", True)]


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        # A fuller name earlier in the sentence says which currency the short one is.
        ("en", "The Egyptian pound slid to 47.5 pounds per dollar after the devaluation.", [(47.5, "EGP / USD")]),
        ("en", "The Pakistani rupee closed at 278.5 rupees per dollar on Friday.", [(278.5, "PKR / USD")]),
        ("de", "Die schwedische Krone fiel auf 11,5 Kronen je Euro.", [(11.5, "SEK / EUR")]),
        # The sentence's one country says it, for the names the lexicon allows.
        ("es", "Chile cerró el año con una deuda de 50 billones de pesos.", [(50e12, "CLP")]),
        ("fr", "La Tunisie a emprunté 3 milliards de dinars.", [(3e9, "TND")]),
        ("fr", "La Suède a dépensé 40 milliards de couronnes.", [(40e9, "SEK")]),
        ("en", "The Philippines' GDP reached 20 trillion pesos.", [(20e12, "PHP")]),
        # Two countries, or none: the lexicon's default stands.
        ("de", "Die Schweiz und Mexiko tauschten Waren für 3 Milliarden Pesos.", [(3e9, "MXN")]),
        ("es", "El presupuesto prevé 900 mil millones de pesos.", [(900e9, "MXN")]),
        # "livres" is resolved by a name only: Lebanon alone does not make them LBP.
        ("fr", "Le Liban a imprimé 90 000 livres par dollar.", [(90000, "GBP / USD")]),
        # "dollars" move only in an exchange rate after a fuller name.
        ("fr", "Le dollar canadien cotait 1,47 dollar pour un euro vendredi.", [(1.47, "CAD / EUR")]),
        ("fr", "Le dollar canadien a reculé et Ottawa a dépensé 10 milliards de dollars.", [(10e9, "USD")]),
        ("en", "Canada said the deal was worth 5 billion dollars.", [(5e9, "USD")]),
    ],
)
def test_shared_currency_names_are_resolved_by_the_sentence(lang, text, expected):
    found = [(q["value"], q["unit"]) for q in parse("quantities", text, lang=lang, published=dt.date(2024, 5, 8))]
    assert found == [(pytest.approx(v), u) for v, u in expected]


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("fr", "La livre égyptienne a encore perdu du terrain.", []),
        ("es", "El peso chileno se apreció frente al dólar.", []),
        ("en", "The Indian rupee weakened against the euro.", []),
        ("es", "El peso chileno se apreció frente al real de Brasil.", ["BRA"]),
    ],
)
def test_a_currency_name_is_no_place(lang, text, expected):
    assert [p["code"] for p in parse("places", text, lang=lang)] == expected


def test_which_currencies_share_a_name_comes_from_cldr():
    from verifier.extract.currencies import family

    assert {"TRY", "GBP", "EGP", "LBP"} <= family("livres", "fr")
    assert {"ARS", "COP", "MXN", "CLP"} <= family("pesos", "es")
    assert {"SEK", "NOK", "DKK"} <= family("kronen", "de")
    assert "USD" not in family("pesos", "es") and "TRY" not in family("pounds", "en")


@pytest.mark.parametrize(
    "text,expected",
    [
        # Superlatives no list names, read by their form.
        ("Tesla löste Toyota als meistverkaufte Automarke in Norwegen ab.", [(1, "meistverkaufte")]),
        ("Apple ist wieder das wertvollste Unternehmen der Welt.", [(1, "wertvollste")]),
        ("Der Juli 2023 war der bislang heißeste Monat in Spanien.", [(1, "heißeste")]),
        ("Die Preise stiegen in Hamburg am stärksten.", [(1, "stärksten")]),
        ("Samsung ist das zweitwertvollste Unternehmen Asiens.", [(2, "zweitwertvollste")]),
        ("Sie war die beste Spielerin des Turniers.", [(1, "beste")]),
        # A listed superlative is read once.
        ("Bayern ist das bevölkerungsreichste Bundesland.", [(1, "bevölkerungsreichste")]),
        # False friends: past forms of verbs, ordinals, "most", adjectives whose -st- is their own.
        ("Die verpasste Chance kostete den Verein viel.", []),
        ("Die gelöste Aufgabe lag auf dem Tisch.", []),
        ("Die meisten Firmen mussten schließen.", []),
        ("Die Firmen, die umziehen mussten, waren klein.", []),
        ("Die nächste Sitzung findet im Mai statt.", []),
        ("Die erste Lieferung kam im Januar an.", []),
        ("Die feste Zusage kam am Montag.", []),
        ("Der oberste Gerichtshof entschied gegen die Regierung.", []),
        ("Die Produkte, die wir testen, sind teuer.", []),
        ("Das ist am ehesten eine Frage der Zeit.", []),
        ("Die Kritiker lobten die meisterhafte Inszenierung.", []),
        # Groups and bounded superlatives state no rank.
        ("Die wertvollsten Unternehmen der Welt sind amerikanisch.", []),
        ("Die meistverkauften Autos kommen aus China.", []),
        ("Die Firma ist eine der wertvollsten Marken.", []),
        ("Der Umsatz war der schwächste seit 2019.", []),
    ],
)
def test_german_superlatives_by_their_form(text, expected):
    claims = extract(from_text(text, lang="de", published=dt.date(2024, 5, 8)))
    assert [(c.rank, c.text) for c in claims if c.kind == "ranking"] == expected


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        # A superlative within a duration is no rank, and the duration is no figure.
        ("en", "Japan's jobless rate rose to 2.7% in May, the highest in 18 months.", [("amount", None, "2.7%")]),
        ("en", "Gold hit its highest in more than a decade on Friday.", []),
        ("en", "Sales fell to their lowest level in three years.", []),
        ("fr", "Le pétrole est au plus haut depuis cinq mois, à 92 dollars le baril.", [("amount", None, "92 dollars le baril")]),
        ("fr", "Le chômage a atteint son niveau le plus élevé en dix ans.", []),
        ("es", "La inflación marcó el nivel más alto en cinco meses, un 3,4 %.", [("amount", None, "3,4 %")]),
        ("es", "El paro cayó a su nivel más bajo desde hace 15 años.", []),
        ("de", "Der Ölpreis stieg auf den höchsten Stand seit fünf Monaten.", []),
        ("de", "Die Inflation sank auf den niedrigsten Wert in drei Jahren.", []),
        # Not bounded: a rank held over a time, or ranked in a place.
        ("en", "Germany has been China's largest trading partner for eight years.", [("ranking", 1, "largest"), ("amount", None, "eight years")]),
        ("en", "Tokyo is the largest city in the world.", [("ranking", 1, "largest")]),
    ],
)
def test_a_superlative_within_a_duration_is_no_rank(lang, text, expected):
    claims = extract(from_text(text, lang=lang, published=dt.date(2024, 5, 8)))
    assert [(c.kind, c.rank, c.text) for c in claims] == expected


def test_the_duration_bounding_a_superlative_is_no_quantity():
    found = parse("quantities", "Exports fell 4% in June, the lowest in 18 months.", lang="en")
    assert [(q["value"], q["unit"]) for q in found] == [(4.0, "%")]


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        # An article before a scale word is one of it.
        ("en", "The deal is worth a billion dollars.", [(1e9, "USD", "=")]),
        ("en", "Around a million people left the region.", [(1e6, "", "~")]),
        ("de", "Die Regierung gibt eine Milliarde Euro für Schulen aus.", [(1e9, "EUR", "=")]),
        ("de", "Der Plan sieht Kredite von bis zu einer Billion Euro vor.", [(1e12, "EUR", "<=")]),
        ("es", "La empresa invirtió un millón de dólares.", [(1e6, "USD", "=")]),
        ("fr", "Un milliard d'euros sera consacré au rail.", [(1e9, "EUR", "=")]),
        # Half or a quarter of a unit or a scale.
        ("en", "The bank cut rates by half a percentage point.", [(0.5, "pp", "=")]),
        ("en", "Yields rose a quarter of a percentage point.", [(0.25, "pp", "=")]),
        ("en", "Output fell by half a million barrels a day.", [(5e5, "barrel / day", "=")]),
        ("de", "Die EZB senkte den Zins um einen halben Prozentpunkt.", [(0.5, "pp", "=")]),
        ("de", "Der Fonds umfasst eine halbe Milliarde Euro.", [(5e8, "EUR", "=")]),
        ("fr", "La BCE a relevé ses taux d'un demi-point.", [(0.5, "pp", "=")]),
        ("es", "El banco subió los tipos medio punto.", [(0.5, "pp", "=")]),
        ("es", "El banco subió los tipos medio punto porcentual.", [(0.5, "pp", "=")]),
        # The article alone, or before an abbreviation, is no figure.
        ("en", "Oil costs $80 a barrel, up from a year ago.", [(80, "USD / barrel", "=")]),
        ("de", "Eine Steuer auf Gewinne ist geplant.", []),
        ("en", "She is a K-pop star.", []),
        ("en", "A quarter of the oil goes to China.", [(25, "%", "=")]),
    ],
)
def test_written_amounts_with_an_article(lang, text, expected):
    found = [(q["value"], q["unit"], q["comparator"]) for q in parse("quantities", text, lang=lang, published=dt.date(2024, 5, 8))]
    assert found == [(pytest.approx(v), u, c) for v, u, c in expected]


def test_half_a_point_is_a_change_in_points():
    (claim,) = extract(from_text("The central bank cut its rate by half a percentage point.", lang="en", published=dt.date(2024, 5, 8)))
    assert claim.kind == "change" and claim.quantity.value == -0.5 and claim.quantity.unit == "pp"


@pytest.mark.parametrize(
    "lang,text,metric",
    [
        ("en", "China imported 107 million tonnes of crude oil from Russia in 2023.", "crude.imports"),
        ("fr", "La Chine a importé 107 millions de tonnes de pétrole brut de Russie en 2023.", "crude.imports"),
        ("es", "China importó 107 millones de toneladas de crudo ruso en 2023.", "crude.imports"),
        ("de", "China importierte 2023 rund 107 Millionen Tonnen Rohöl aus Russland.", "crude.imports"),
        ("en", "China imported 107 million tonnes of soybeans. Crude oil prices fell.", None),
    ],
)
def test_a_verb_and_its_object_name_the_indicator(lang, text, metric):
    claim = extract(from_text(text, lang=lang, published=dt.date(2024, 2, 8)))[0]
    assert (claim.metric.id if claim.metric else None) == metric


def test_a_venue_is_a_place_named_but_no_subject():
    text = "Die Ein- und Ausfuhren summierten sich 2023 auf 240 Milliarden Dollar, wie aus den in Peking veröffentlichten Zolldaten hervorgeht."
    assert [p["code"] for p in parse("places", text, lang="de")] == ["CHN"]
    (claim,) = extract(from_text(text, lang="de", published=dt.date(2024, 2, 8)))
    assert claim.places == []



@pytest.mark.parametrize(
    "lang,text",
    [
        ("fr", "Le taux de chômage, harmonisé au niveau européen, atteint 7,4 % en France au troisième trimestre 2023."),
        ("es", "La tasa de paro, armonizada a nivel europeo, fue del 11,8 % en España en el cuarto trimestre de 2023."),
    ],
)
def test_the_level_a_definition_is_harmonised_at_is_no_subject(lang, text):
    (claim,) = extract(from_text(text, lang=lang, published=dt.date(2024, 2, 8)))
    assert [p.code for p in claim.places] == [{"fr": "FRA", "es": "ESP"}[lang]]


def test_each_figure_is_one_end_of_one_from_to_change():
    # Two "to X from Y" pairs back to back once paired the middle figure twice and crashed the run.
    text = "The OECD cut its forecast for Germany's GDP growth to 0.3% from 0.6% in 2024 and to 1.1% from 1.2% in 2025."
    claims = extract(from_text(text, lang="en", published=dt.date(2024, 2, 15)))
    assert [(c.kind, round(c.quantity.value, 6), c.quantity.unit) for c in claims] == [("change", -0.3, "pp"), ("change", -0.1, "pp")]


@pytest.mark.parametrize(
    "lang,text",
    [
        ("fr", "En données réelles (ajustées de l'inflation), l'économie japonaise a progressé de 1,9 % en 2023, contre seulement 1 % en 2022."),
        ("en", "In real terms (adjusted for inflation), Japan's economy grew 1.9% in 2023, compared with only 1% in 2022."),
    ],
)
def test_a_figure_set_against_a_change_measures_the_same_indicator(lang, text):
    # The figure after "contre"/"compared with" parallels the first; a bracketed gloss names no indicator for either.
    first, second = extract(from_text(text, lang=lang, published=dt.date(2024, 2, 15)))
    assert (second.kind, second.metric.id, second.period.label) == ("change", first.metric.id, "2022")
    assert first.metric.id == "gdp"


@pytest.mark.parametrize(
    "lang,text,codes",
    [
        ("en", "Amid the war in Ukraine, Argentina's inflation reached 50.9% in 2021.", ["ARG"]),
        ("de", "Inmitten des russischen Angriffskriegs gegen die Ukraine wuchs der Handel zwischen China und Russland 2023 um 26,3 Prozent.", ["CHN", "RUS"]),
        ("fr", "Depuis l'invasion russe de l'Ukraine, les échanges entre la Chine et la Russie ont progressé de 26,3 % en 2023.", ["CHN", "RUS"]),
    ],
)
def test_a_place_that_names_an_event_is_no_subject(lang, text, codes):
    (claim,) = extract(from_text(text, lang=lang, published=dt.date(2024, 2, 8)))
    assert sorted(p.code for p in claim.places) == sorted(codes)


def test_the_number_of_a_table_position_is_no_figure():
    claims = extract(from_text("Von 2007 bis 2022 rangierte Deutschland auf Platz vier.", lang="de", published=dt.date(2024, 2, 8)))
    assert [(c.kind, c.rank) for c in claims] == [("ranking", 4)]


def test_a_full_stop_that_lost_its_space_still_ends_a_sentence():
    from verifier.extract.sentences import sentences

    text = "La population a augmenté de 0,3 % en 2023.Les naissances ont baissé de 6,6 %. Voir M.Dupont, www.Site.com et 3.5 euros."
    assert [text[s.start : s.end] for s in sentences(text, "fr")] == [
        "La population a augmenté de 0,3 % en 2023.",
        "Les naissances ont baissé de 6,6 %.",
        "Voir M.Dupont, www.Site.com et 3.5 euros.",
    ]
