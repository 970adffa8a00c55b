"""What a careful reader does with real news text, one row per phenomenon and
language (issue 11). The sentences are written for these rows, not copied
from any article: each states the phenomenon in the plainest news form.

Every row runs the whole flow on the offline snapshot and checks the claim
read and the verdict code: a figure that is not asserted, a period that is a
base, a place or indicator inherited from the text, a measure that is not the
series' never ends in a contradiction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pytest

from verifier import from_text, verify

PUBLISHED = dt.date(2024, 3, 5)


@dataclass(frozen=True)
class Row:
    id: str
    lang: str
    text: str
    figure: str  # words of the claim the row is about (a substring of its text)
    code: str  # the verdict expected
    expect: dict = field(default_factory=dict)  # claim fields: modality, period label, places, rank, inherited fields
    title: str | None = None
    published: dt.date = PUBLISHED


ROWS = [
    # -- modality: a target, a forecast, a plan, a cap, a negation is no outcome -------------------
    Row("mod-target-en", "en", "China and Russia have set a goal of $300 billion in bilateral trade for 2023.", "$300 billion", "not-asserted",
        {"modality": "target"}),
    Row("mod-target-fr", "fr", "La Chine et la Russie visent 300 milliards de dollars d'échanges commerciaux en 2023.", "300 milliards", "not-asserted",
        {"modality": "target"}),
    Row("mod-forecast-de", "de", "Der Handel zwischen China und Russland dürfte 2023 auf 300 Milliarden Dollar steigen.", "300 Milliarden", "not-asserted",
        {"modality": "forecast"}),
    Row("mod-forecast-es", "es", "Se espera que el comercio entre China y Rusia alcance 300.000 millones de dólares en 2023.", "300.000 millones",
        "not-asserted", {"modality": "forecast"}),
    Row("mod-negated-fr", "fr", "Les échanges entre la Chine et la Russie n'ont pas atteint 300 milliards de dollars en 2023.", "300 milliards",
        "not-asserted", {"modality": "negated"}),
    Row("mod-negated-de", "de", "Der Handel zwischen China und Russland erreichte 2023 nicht 300 Milliarden Dollar.", "300 Milliarden", "not-asserted",
        {"modality": "negated"}),
    Row("mod-cap-en", "en", "Brent traded under the $60 price cap in 2023.", "$60", "not-asserted", {"modality": "cap"}),
    Row("mod-future-en", "en", "China's GDP will be 19 trillion dollars next year.", "19 trillion", "not-asserted", {"modality": "forecast"}),
    Row("mod-asserted-es", "es", "El comercio entre China y Rusia alcanzó 240.110 millones de dólares en 2023, aunque se esperaba más.",
        "240.110 millones", "supported", {"modality": "asserted"}),
    Row("list-under-forecast-en", "en", "The largest economies in 2023, according to the IMF's projection:\n1. United States - $26.95 trillion\n"
        "2. Germany - $4.46 trillion", "$4.46", "not-asserted", {"modality": "forecast"}),
    # -- periods: a base or a point in the past is not the figure's period -----------------------
    Row("since-en", "en", "US inflation averaged 4.1% in 2023, the lowest since 2020.", "4.1%", "supported", {"period": "2023"}),
    Row("since-es", "es", "La inflación de España fue del 3,5 % en 2023, la más baja desde 2021.", "3,5 %", "supported", {"period": "2023"}),
    Row("since-de", "de", "Die Bevölkerung Chinas schrumpfte seit 2016 auf 1,41 Milliarden Menschen.", "1,41 Milliarden", "supported",
        {"period": "2023", "inherited": ["period"]}),
    Row("previous-year-fr", "fr", "L'inflation en France a atteint 4,9 % en 2023, après 5,2 % l'année précédente.", "5,2 %", "supported",
        {"period": "2022"}),
    Row("previous-year-en", "en", "US inflation averaged 4.1% in 2023, down from 8.0% the previous year.", "8.0%", "supported", {"period": "2022"}),
    Row("base-period-es", "es", "El comercio entre China y Rusia creció en 2023 en comparación con el año anterior, hasta 240.110 millones de dólares.",
        "240.110 millones", "supported", {"period": "2023"}),
    Row("against-fr", "fr", "L'an dernier, les prix de l'énergie ont augmenté de 5,6 %, après 23,1 % en 2022.", "5,6 %", "no-metric",
        {"period": "2023"}),
    Row("against-de", "de", "Im vergangenen Jahr stiegen die Einfuhren nur um 1,0 Prozent, nach 18,6 Prozent 2022.", "1,0 Prozent", "no-evidence",
        {"period": "2023"}),
    Row("against-es", "es", "La inflación de Estados Unidos bajó al 4,1 % el año pasado, frente al 8 % de 2022.", "4,1 %", "supported",
        {"period": "2023"}),
    Row("paragraph-period-es", "es", "En 2023, China y Rusia batieron un récord comercial.\n\nEl comercio entre ambos países alcanzó 240.110 millones de "
        "dólares.", "240.110 millones", "supported", {"period": "2023", "inherited": ["period", "places"]}),
    Row("headline-period-fr", "fr", "Les échanges entre la Chine et la Russie ont atteint 240,11 milliards de dollars.", "240,11 milliards", "supported",
        {"period": "2023", "inherited": ["period"]}, title="Les échanges Chine-Russie au plus haut en 2023"),
    Row("indefinite-de", "de", "Nach den USA und China hatte jahrelang Japan das höchste Bruttoinlandsprodukt.", "das höchste", "no-period",
        {"period": None}),
    Row("indefinite-en", "en", "Japan has for years been the world's third-largest economy.", "third-largest", "no-period", {"period": None}),
    Row("indefinite-apart-en", "en", "Saudi Arabia, China's top crude supplier for many years, delivered 86 million tons of crude oil to China in 2023.",
        "86 million", "supported", {"period": "2023"}),
    Row("than-base-de", "de", "China und Russland handelten 2023 so viel wie nie.\n\nDas Handelsvolumen betrug 240,11 Milliarden Dollar, also "
        "26,3 Prozent mehr als 2022.", "240,11 Milliarden", "supported", {"period": "2023", "inherited": ["period", "places"]}),
    Row("same-period-base-en", "en", "In 2023 China's trade with Russia hit a record.\n\nChinese exports to Russia reached $110.97 billion, up 46.9% "
        "on the same period in 2022.", "$110.97 billion", "period-unavailable", {"period": "2023"}),
    Row("released-day-de", "de", "Chinas Handel mit Russland wuchs 2024 weiter.\n\nDer Handel zwischen China und Russland erreichte 245 Milliarden "
        "Dollar, wie aus den am Montag veröffentlichten Zolldaten hervorgeht.", "245 Milliarden", "supported", {"period": "2024"}),
    Row("annual-average-es", "es", "En diciembre, los precios subieron en España.\n\nLa media anual del IPC en España fue del 3,5 %.", "3,5 %",
        "supported", {"period": "2023"}),
    Row("annual-average-fr", "fr", "En décembre, les prix ont ralenti en France.\n\nEn moyenne annuelle, l'inflation en France a atteint 4,9 %.",
        "4,9 %", "supported", {"period": "2023"}),
    Row("base-own-figure-es", "es", "La inflación de España fue del 3,5 % en 2023, menor que la de 2022, cuando alcanzó el 8,4 %.", "8,4 %",
        "supported", {"period": "2022"}),
    Row("base-own-figure-en", "en", "US inflation was 4.1% in 2023, lower than in 2022, when it reached 8%.", "8%", "supported", {"period": "2022"}),
    Row("statement-day-en", "en", "US inflation averaged 4.1% in 2023, the Bureau of Labor Statistics said on Tuesday.", "4.1%", "supported",
        {"period": "2023"}),
    Row("statement-day-fr", "fr", "Le PIB de la France a atteint 3 030 milliards de dollars, a indiqué mardi l'Insee.", "3 030 milliards",
        "supported", {"period": "2023", "inherited": ["period"]}),
    Row("statement-day-first-fr", "fr", "Mardi, l'Insee a indiqué que le PIB de la France avait atteint 3 030 milliards de dollars.", "3 030 milliards",
        "supported", {"period": "2023", "inherited": ["period"]}),
    Row("previous-record-fr", "fr", "Les échanges entre la Chine et la Russie ont atteint 240,11 milliards de dollars, au-delà du précédent record de 2022.",
        "240,11 milliards", "supported", {"period": "2023", "inherited": ["period"]}, title="Les échanges Chine-Russie au plus haut en 2023"),
    Row("previous-record-en", "en", "Trade between China and Russia reached $240.11 billion, beyond the previous record of 2022.", "$240.11",
        "supported", {"period": "2023", "inherited": ["period"]}, title="China-Russia trade hits a high in 2023"),
    # A rate stated at the close of a year is its last month's, not the year's average.
    Row("closing-year-es", "es", "La inflación ha cerrado 2023 en el 3,1 %.\n\nEl INE ha confirmado este viernes el dato de inflación adelantado.",
        "3,1 %", "period-unavailable", {"period": "December 2023", "places": {"ESP"}, "inherited": ["places"]}),
    Row("closing-year-de", "de", "Die Inflationsrate in Deutschland lag Ende 2023 bei 3,7 Prozent.", "3,7 Prozent", "period-unavailable",
        {"period": "December 2023"}),
    Row("closing-year-flow-en", "en", "Trade between China and Russia ended 2023 at $240.11 billion.", "$240.11", "supported", {"period": "2023"}),
    Row("lower-than-base-es", "es", "La media anual del IPC en España fue del 3,5 % en 2023, 4,9 puntos menor que la de 2022.", "4,9 puntos",
        "supported", {"period": "2023", "unit": "pp", "kind": "change"}),
    Row("this-month-de", "de", "Der Handel zwischen China und Russland wuchs 2023 stark.\n\nAllein in diesem November erreichte der Warenumsatz "
        "zwischen China und Russland fast 21,5 Milliarden US-Dollar.", "21,5", "supported", {"period": "November 2023"}),
    Row("between-years-change-fr", "fr", "Les échanges entre la Chine et la Russie ont bondi entre 2022 et 2023 (+26,3%).", "+26,3%", "supported",
        {"period": "2023", "kind": "change"}),
    Row("month-of-fr", "fr", "Grâce à un mois de décembre hors norme, la Chine a importé 563,99 millions de tonnes de pétrole brut en 2023. "
        "Cela représente une hausse de 11 % par rapport à 2022.", "11 %", "supported", {"period": "2023", "inherited": ["metric", "period", "places"]}),
    # A figure that inherits only its indicator still states the paragraph's main period.
    Row("main-period-lent-metric-fr", "fr", "L'inflation en France a atteint 4,9 % en 2023.\n\nL'an dernier, les prix ont augmenté de 5,6 % après 23,1 % "
        "en 2022. Les prix ont accéléré dans l'alimentation (11,8 % après 6,8 %).", "11,8 %", "measure-mismatch", {"period": "2023"}),
    # A fraction with its comparator, when the comparator's "de" is fused with the fraction's article.
    Row("fraction-contracted-fr", "fr", "Les États-Unis représentent un peu plus du quart de l'économie mondiale en 2022.", "du quart", "supported",
        {"unit": "%", "kind": "share", "comparator": ">"}),
    Row("one-in-n-de", "de", "Jeder Fünfte der rund acht Milliarden Menschen der Welt lebt in Indien.", "Jeder Fünfte", "no-period",
        {"unit": "%", "kind": "share"}),
    # "as in 2022" is a comparison; the last trading day of a year is a day no period here names.
    Row("as-in-fr", "fr", "Comme en 2022, la population de la France a augmenté de 0,3 % en 2023.", "0,3 %", "supported", {"period": "2023"}),
    Row("last-trading-day-es", "es", "En el último día de negociación de 2022, el Brent al contado cerró a 85 dólares por barril.", "85 dólares",
        "no-period", {"period": None}),
    # A computed change the revision allowance alone reconciles says nothing when the levels dwarf the change.
    Row("within-revisions-fr", "fr", "En 2017, la population de la France a augmenté de 0,5 %.", "0,5 %", "within-revisions", {"period": "2017"}),
    Row("base-the-year-fr", "fr", "En 2023, le Brent a coûté autour de 82 dollars en moyenne, soit une baisse de 18 % par rapport à l'année 2022.",
        "18 %", "supported", {"period": "2023"}),
    Row("year-opening-es", "es", "Brasil comenzó 2024 con una cotización de 4,85 reales por dólar.", "4,85", "no-period", {"period": None}),
    Row("than-the-day-en", "en", "On the final trading day of 2022, Brent spot closed at $85 per barrel, $7 higher than the price on January 3, 2022.",
        "$85", "no-period", {"period": None}),
    Row("vague-nearest-es", "es", "Brasil comenzó 2024 con una cotización de 4,85 reales por dólar que mantuvo gran parte del año, ya que la "
        "depreciación más fuerte se registró en noviembre y diciembre.", "4,85", "no-period", {"period": None}),
    # -- document context: places and indicators said once ---------------------------------------
    Row("anaphor-en", "en", "China and Russia signed new deals.\n\nTrade between the two countries reached $240.11 billion in 2023.",
        "$240.11 billion", "supported", {"places": {"CHN", "RUS"}, "inherited": ["places"]}),
    Row("anaphor-fr", "fr", "La Chine et la Russie ont signé des accords.\n\nLes échanges entre les deux pays ont atteint 240,11 milliards de dollars en 2023.",
        "240,11 milliards", "supported", {"places": {"CHN", "RUS"}, "inherited": ["places"]}),
    Row("anaphor-de", "de", "China und Russland unterzeichneten Abkommen.\n\nDer Handel beider Länder erreichte 2023 240,11 Milliarden Dollar.",
        "240,11 Milliarden", "supported", {"places": {"CHN", "RUS"}, "inherited": ["places"]}),
    Row("anaphor-es", "es", "China y Rusia firmaron acuerdos.\n\nEl comercio entre ambos países alcanzó 240.110 millones de dólares en 2023.",
        "240.110 millones", "supported", {"places": {"CHN", "RUS"}, "inherited": ["places"]}),
    Row("anaphor-pair-es", "es", "China y Rusia firmaron acuerdos, criticados por Estados Unidos.\n\nEl comercio entre ambos países alcanzó 240.110 "
        "millones de dólares en 2023.", "240.110 millones", "supported", {"places": {"CHN", "RUS"}, "inherited": ["places"]}),
    Row("anaphor-wrong-en", "en", "China and Russia signed new deals.\n\nTrade between the two countries reached $300 billion in 2023.",
        "$300 billion", "context-mismatch", {"inherited": ["places"]}),
    Row("metric-carried-en", "en", "Japan's GDP was $4.21 trillion in 2023. Germany's reached $4.46 trillion.", "$4.46 trillion", "supported",
        {"places": {"DEU"}, "inherited": ["metric", "period"]}),
    Row("metric-carried-de", "de", "Japans BIP lag 2023 bei 4,21 Billionen Dollar. Deutschland kam auf 4,46 Billionen Dollar.", "4,46 Billionen",
        "supported", {"places": {"DEU"}, "inherited": ["metric", "period"]}),
    Row("agency-headline-es", "es", "La inflación media se situó en el 3,5 % en 2023.", "3,5 %", "supported",
        {"places": {"ESP"}, "inherited": ["places"]}, title="El INE eleva la tasa de paro"),
    Row("agency-lede-de", "de", "Die Inflationsrate lag nach Angaben von Destatis im Januar bei 2,9 Prozent.\n\nIm Jahresdurchschnitt 2023 lag die "
        "Inflationsrate bei 5,9 Prozent.", "5,9 Prozent", "supported", {"places": {"DEU"}, "inherited": ["places"]}),
    Row("excluded-fr", "fr", "Le nombre de chômeurs atteint 2,3 millions en France (hors Mayotte) au premier trimestre 2024.", "2,3 millions",
        "no-metric", {"places": {"FRA"}}),
    Row("excluded-en", "en", "Unemployment in France, excluding Mayotte, was 7.5% in the first quarter of 2024.", "7.5%", "no-metric",
        {"places": {"FRA"}}),
    Row("many-named-fr", "fr", "La Chine et la Russie, ainsi que les États-Unis et l'Inde, ont signé.\n\nLes dirigeants se sont rencontrés à deux "
        "reprises en 2023.", "deux reprises", "no-metric", {"places": set()}),
    Row("agency-labour-de", "de", "Laut Bundesagentur waren im Dezember 2023 2,64 Millionen Menschen arbeitslos gemeldet.", "2,64 Millionen",
        "measure-mismatch", {"places": {"DEU"}, "inherited": ["places"]}),
    Row("benchmark-en", "en", "The U.S. benchmark, WTI crude, traded at $72.01 a barrel on 29 December 2023.", "$72.01", "measure-mismatch",
        {"places": set()}),
    Row("delivery-month-de", "de", "Ein Barrel der Sorte Brent zur Lieferung im Februar kostete am 29. Dezember 2023 77,72 US-Dollar.", "77,72",
        "measure-mismatch", {"period": "29 December 2023"}),
    # -- a price's unit named before it; a market quote is the futures' unless it says spot --------
    Row("priced-before-es", "es", "El barril de Brent cotizó a 77,72 dólares el 29 de diciembre de 2023.", "77,72", "measure-mismatch",
        {"unit": "USD / barrel"}),
    Row("priced-before-en", "en", "A barrel of Brent cost $77.72 on 29 December 2023.", "$77.72", "measure-mismatch", {"unit": "USD / barrel"}),
    Row("futures-year-fr", "fr", "Le baril de Brent valait 80,5 dollars en 2022.", "80,5", "measure-mismatch", {"unit": "USD / barrel"}),
    Row("futures-year-spot-fr", "fr", "Le baril de Brent valait en moyenne 100,9 dollars en 2022.", "100,9", "supported"),
    # -- sentence bounds and clauses ---------------------------------------------------------------
    Row("ordinal-day-de", "de", "Am 29. Dezember 2023 kostete ein Barrel Brent 77,72 US-Dollar.", "77,72", "measure-mismatch",
        {"period": "29 December 2023", "unit": "USD / barrel"}),
    Row("relative-clause-fr", "fr", "Le baril de Brent, qui valait 80,5 dollars en 2022, a perdu 10 %.", "10 %", "no-period", {"period": None}),
    Row("relative-clause-en", "en", "Japan's GDP, which was $4.2 trillion in 2022, grew 1.9%.", "1.9%", "no-period", {"period": None}),
    Row("supplied-goods-en", "en", "In January-September 2023, China supplied goods to Russia worth $81.4 billion.", "$81.4", "supported",
        {"places": {"CHN", "RUS"}}),
    Row("semicolon-en", "en", "In January-September 2023, China's exports to Russia rose to $81.4 billion; deliveries from Russia to China "
        "increased to $94.9 billion.", "$94.9", "supported"),
    Row("data-showed-en", "en", "Trade between Russia and China reached $114.5 billion in January-June 2023, customs data showed on Thursday.\n\n"
        "China exported $52.3 billion worth of goods to Russia over the period.", "$52.3", "period-unavailable",
        {"period": "January–June 2023", "inherited": ["period"]}),
    Row("listed-partners-fr", "fr", "En 2023, la Chine a importé 85,96 millions de tonnes de brut d'Arabie saoudite. Elle est suivie par l'Irak "
        "(59,26 millions de tonnes), puis la Malaisie (55 millions de tonnes).", "59,26", "supported",
        {"places": {"CHN", "IRQ"}, "inherited": ["metric", "period", "places"]}),
    Row("base-aux-fr", "fr", "Entre janvier et mai 2023, le volume a augmenté de 1 % par rapport aux cinq premiers mois de 2022.", "1 %",
        "no-metric", {"period": "January–May 2023"}),
    Row("barrels-a-day-es", "es", "Rusia suministró a China 107,02 millones de toneladas de crudo en 2023, unos 2,15 millones de barriles por día.",
        "2,15 millones", "supported", {"unit": "barrel / day"}),
    Row("hedge-contracted-es", "es", "El comercio entre China y Rusia creció cerca del 26 % en 2023.", "26 %", "supported",
        {"unit": "%", "kind": "change", "comparator": "~"}),
    Row("range-one-unit-fr", "fr", "Les exportations de la Chine vers la Russie ont atteint entre 100 milliards et 110,97 milliards de dollars en 2023.",
        "100 milliards", "period-unavailable", {"unit": "USD"}),
    Row("partner-of-flow-es", "es", "El mayor importador de petróleo del mundo compró 107 millones de toneladas de crudo de Rusia en 2023.",
        "107 millones", "supported", {"places": {"CHN", "RUS"}, "inherited": ["places"]}, title="Rusia, principal proveedor de petróleo de China"),
    # The market a supplier ranking names frames the article: a later flow from one more supplier is into it.
    Row("market-frames-es", "es", "Rusia se convirtió en el principal proveedor de petróleo de China en 2023.\n\nEl volumen de crudo ruso enviado a "
        "China aumentó un 24 % en 2023, hasta 107,02 millones de toneladas.\n\nLos suministros de petróleo procedentes de Arabia Saudita "
        "alcanzaron los 85,96 millones de toneladas en 2023.", "85,96", "supported", {"places": {"CHN", "SAU"}, "inherited": ["metric", "places"]}),
    Row("exceeded-bound-es", "es", "El intercambio comercial entre China y Rusia superó los 200.000 millones de dólares en 2023.", "200.000",
        "supported", {"comparator": ">"}),
    Row("exceeded-bound-de", "de", "Der Handel zwischen China und Russland überstieg 2023 die Marke von 200 Milliarden Dollar.", "200 Milliarden",
        "supported", {"comparator": ">"}),
    # A flow sent to a place by a sender the text does not name is no total of the place's.
    Row("destination-unnamed-sender-es", "es", "El país de Medio Oriente envió 85,96 millones de toneladas de crudo a China en 2023.", "85,96",
        "no-evidence", {"places": {"CHN"}}),
    # A duration in decades counts no people: "seit sechs Jahrzehnten" is no fall of six.
    Row("decades-de", "de", "Chinas Bevölkerung schrumpfte 2022 erstmals seit sechs Jahrzehnten.", "sechs", "no-metric"),
    Row("partner-only-en", "en", "The world's biggest oil importer bought a record 107 million tons of crude from Russia in 2023.", "107 million",
        "supported", {"places": {"CHN", "RUS"}, "inherited": ["places"]}, title="Russia becomes top China oil supplier"),
    # A country that is no partner ("die russischen Exporte") is the flow's reporter, to the world.
    Row("reporter-only-de", "de", "Die russischen Exporte stiegen 2023 um 10 Prozent.", "10 Prozent", "no-evidence", {"places": {"RUS"}},
        title="Russland wird Chinas größter Öllieferant"),
    # A paragraph's first period frames it; a later one is a point of comparison, a dateline the day of filing.
    Row("frame-de", "de", "Die Teuerung hat 2023 eine Rate von 5,9 Prozent erreicht. 2022 habe sie noch bei 6,9 Prozent gelegen.\n\n"
        "Energieprodukte verteuerten sich um 5,3 Prozent.", "5,3 Prozent", "no-evidence", {"period": "2023", "inherited": ["metric", "period"]}),
    Row("dateline-fr", "fr", "PÉKIN, 20 juin /TASS/. Les importations de pétrole brut de la Chine en provenance de Russie ont atteint 42,1 millions "
        "de tonnes.",
        "42,1 millions", "no-period", {"period": None}),
    Row("growth-noun-de", "de", "Trotz eines Wachstums seines Bruttoinlandsprodukts um 1,9 Prozent im Jahr 2023 wurde Japan überholt.", "1,9 Prozent",
        "measure-mismatch", {"places": {"JPN"}}),
    # A dateline's city is where the story was filed: no subject, but the country of a domestic story naming none.
    Row("dateline-city-en", "en", "Brussels – In September 2023, the euro area unemployment rate stood at 6.3 percent.", "6.3 percent",
        "no-metric", {"places": {"EMU"}}),
    Row("dateline-home-de", "de", "BERLIN (dpa) - Der Bundestag hat den Haushalt für 2024 beschlossen, der Ausgaben von 476,8 Milliarden Euro vorsieht.",
        "476,8", "no-metric", {"places": {"DEU"}, "inherited": ["places"]}),
    Row("vague-part-de", "de", "Anfang 2023 hatte ein Fass Brent noch etwa 85 Dollar gekostet.", "etwa 85 Dollar", "no-period", {"period": None}),
    Row("year-end-en", "en", "At the end of 2023, trade between China and Russia reached $240.11 billion.", "$240.11", "supported",
        {"period": "2023"}),
    Row("placeless-price-en", "en", "Russia sold oil to China and India in 2023.\n\nBrent fell 10 percent in 2023 to $77.04 a barrel.", "$77.04",
        "measure-mismatch", {"places": set()}),
    Row("bracketed-month-es", "es", "La inflación de España bajó en julio (2,3 %) y subió en agosto (2,6 %) y septiembre (3,5 %) de 2023.", "3,5 %",
        "period-unavailable", {"period": "September 2023"}),
    Row("statement-weekday-date-es", "es", "La inflación de Argentina se aceleró al 25,5 % en diciembre, según informó este jueves 11 de enero el Indec.",
        "25,5 %", "no-evidence", {"period": "December 2023"}),
    Row("released-by-en", "en", "In January 2024 Australia's CPI inflation was 3.4 per cent, figures released by the Australian Bureau of Statistics "
        "on Thursday showed.", "3.4 per cent", "period-unavailable", {"period": "January 2024"}),
    Row("main-period-fr", "fr", "En moyenne annuelle en 2023, les prix de l'énergie en France ont augmenté de 5,6 % après 23,1 % en 2022. "
        "Les prix ont accéléré dans l'alimentation (11,8 % après 6,8 %).", "11,8 %", "no-metric", {"period": "2023", "inherited": ["period", "places"]}),
    Row("since-clause-en", "en", "Germany's average inflation rate for 2023 was 5.9% – the second-highest figure since Germany reunified in 1990.",
        "5.9%", "supported", {"period": "2023"}),
    Row("now-en", "en", "India now has 1.44 billion people.", "1.44 billion", "context-mismatch", {"period": "2024", "inherited": ["period"]}),
    Row("previous-month-de", "de", "Die Inflation in Deutschland lag im Dezember 2023 bei 3,7 Prozent, nach 3,2 Prozent im Vormonat.", "3,2 Prozent",
        "period-unavailable", {"period": "November 2023"}),
    Row("previous-month-es", "es", "La inflación de Argentina de diciembre de 2023 se aceleró al 25,5 %, el doble respecto al mes previo (12,8 %).",
        "12,8 %", "no-evidence", {"period": "November 2023"}),
    Row("vague-stretch-fr", "fr", "Le point bas du chômage en France avait été atteint fin 2022 début 2023 avec un taux de 7,1 %.", "7,1 %",
        "no-metric", {"period": None}),
    Row("year-label-de", "de", "Im Jahr 2023 wurden in Deutschland 508,1 Milliarden Kilowattstunden Strom erzeugt. Davon stammten 267 Milliarden "
        "Kilowattstunden aus erneuerbaren Energien (2022: 251,8 Milliarden Kilowattstunden).", "267", "no-metric",
        {"period": "2023", "inherited": ["period", "places"]}),
    Row("venue-de", "de", "Der Handel zwischen China und Russland erreichte 2023 einen Rekord.\n\nDie Ein- und Ausfuhren summierten sich 2023 auf "
        "240,11 Milliarden Dollar, wie aus den am Freitag in Peking veröffentlichten Zolldaten hervorgeht.", "240,11", "supported",
        {"places": {"CHN", "RUS"}, "inherited": ["places"]}),
    Row("agency-fr", "fr", "L'inflation a atteint 4,9 % en moyenne en 2023, selon l'Insee.", "4,9 %", "supported", {"places": {"FRA"}}),
    # -- identity: the same entity, the same measure ---------------------------------------------
    Row("entity-de", "de", "Japans BIP lag 2023 mit 4,21 Billionen Dollar unter Deutschlands BIP von 4,46 Billionen Dollar.", "4,46 Billionen",
        "supported"),
    Row("entity-en", "en", "Germany's GDP reached $4.46 trillion in 2023, against $4.21 trillion for Japan.", "$4.21 trillion", "supported"),
    Row("real-growth-fr", "fr", "En termes réels, le PIB de l'Allemagne a reculé de 0,3 % en 2023.", "0,3 %", "measure-mismatch"),
    Row("growth-en", "en", "Germany's GDP shrank 0.3% in 2023.", "0.3%", "measure-mismatch"),
    Row("futures-en", "en", "Brent crude futures settled at $77.04 a barrel on 29 December 2023.", "$77.04", "measure-mismatch"),
    Row("futures-es", "es", "Los futuros del Brent cerraron en 77,04 dólares por barril el 29 de diciembre de 2023.", "77,04", "measure-mismatch"),
    Row("labour-force-fr", "fr", "Le chômage touche 7,3 % de la population active en France en 2023.", "7,3 %", "measure-mismatch"),
    Row("world-scope-es", "es", "La inflación de Argentina fue del 94,8 % en 2022, una de las más altas del mundo.", "94,8 %", "no-evidence",
        {"places": {"ARG"}}),
    # A year's inflation not said to be the average may be December on December, as offices headline it.
    Row("year-end-inflation-en", "en", "Turkey's annual inflation rate was 64.77% in 2023, the statistics institute said.", "64.77%",
        "measure-mismatch"),
    Row("year-average-inflation-de", "de", "Die Inflationsrate in der Türkei lag im Jahresdurchschnitt 2023 bei 64,77 Prozent.", "64,77",
        "value-mismatch"),
    # An exchange rate's yearly average, taken by another publisher; and a base year's own figure after "cuando".
    Row("fx-average-publisher-es", "es", "Durante el 2023, el tipo de cambio en México cotizó en un promedio de 17.74 pesos por dólar, la menor "
        "cotización desde 2015, cuando se ubicó en 15.88 pesos por dólar.", "15.88", "supported", {"period": "2015"}),
    # "Prices rose X %" states the inflation rate itself; core inflation is another measure than the headline series.
    Row("prices-rose-rate-en", "en", "Italy's consumer prices rose 8.2% in 2022.", "8.2%", "supported"),
    Row("prices-rose-rate-wrong-en", "en", "Italy's consumer prices rose 12% in 2022.", "12%", "ambiguous-claim"),
    Row("core-inflation-es", "es", "La inflación subyacente de España se situó en el 6,1 % en 2023.", "6,1 %", "measure-mismatch"),
    # An organisation as the subject of a speech verb is the figure's publisher; a country as subject is not.
    Row("subject-publisher-en", "en", "In 2023, the International Monetary Fund ranks Brazil's economy ninth, with a GDP of $2.13 trillion.",
        "$2.13", "cited-source-differs"),
    # A bound is a threshold, not a figure rounded at its written digits; written-out figures are no clause before a year.
    Row("threshold-bound-en", "en", "Poland reached a GDP of more than one trillion US dollars in 2023.", "one trillion", "value-mismatch",
        {"period": "2023"}),
    # -- vocabulary: trade and supply verbs, benchmarks named in each language --------------------
    Row("traded-fr", "fr", "En 2023, la Chine et la Russie ont échangé pour 240,11 milliards de dollars de biens.", "240,11 milliards", "supported"),
    Row("traded-de", "de", "China und Russland tauschten 2023 Waren im Wert von 240,11 Milliarden Dollar aus.", "240,11 Milliarden", "supported"),
    Row("flow-es", "es", "El flujo comercial entre China y Rusia sumó 240.110 millones de dólares en 2023.", "240.110 millones", "supported"),
    Row("supplied-en", "en", "Russia supplied 107.02 million tonnes of crude oil to China in 2023.", "107.02 million", "supported"),
    Row("oil-value-es", "es", "Las importaciones de petróleo de China desde Rusia sumaron 60.600 millones de dólares en 2023.", "60.600 millones",
        "supported"),
    # -- ranks -----------------------------------------------------------------------------------
    Row("rank-lost-fr", "fr", "Le Japon a perdu en 2023 sa place de troisième puissance économique mondiale au profit de l'Allemagne.", "troisième",
        "rank-supported", {"rank": 3}),
    Row("rank-passive-en", "en", "Japan fell to 4th largest economy in 2023, overtaken by Germany.", "4th", "rank-supported", {"rank": 4}),
    # A supplier's rank with no commodity named ranks the partners of the flow the text just gave.
    Row("rank-supplier-carried-en", "en", "China bought 107 million tons of crude from Russia in 2023. It was the first time Russia had been China's "
        "No. 1 supplier since 2018.", "No. 1", "rank-supported", {"rank": 1, "places": {"RUS", "CHN"}, "inherited": ["metric", "period"]}),
    Row("rank-period-carried-es", "es", "En 2023, Irak entregó a China 59,26 millones de toneladas de crudo.\n\nRusia fue el principal proveedor de "
        "crudo de China.", "principal", "rank-supported", {"period": "2023", "inherited": ["period"]}),
    Row("rank-lost-pronoun-fr", "fr", "En 2022, la Chine a vu sa population baisser. L'an passé, elle a perdu son titre de pays le plus peuplé du monde "
        "au profit de l'Inde.", "le plus peuplé", "rank-supported", {"rank": 1, "places": {"IND"}}),
    Row("oil-exporter-to-en", "en", "Russia was the second-largest oil exporter to China in 2022, sending 86.25 million tons of the commodity.",
        "86.25", "supported", {"places": {"RUS", "CHN"}}),
    Row("rank-region-en", "en", "Germany remained Europe's largest economy in 2023.", "largest", "not-checked"),
    # -- a running total to the publication date is the latest months reported by then -------------------
    Row("to-date-de", "de", "Der Handel zwischen China und Russland erreichte seit Anfang 2023 gut 218 Milliarden Dollar.", "218 Milliarden",
        "supported", {"period": "1 January–12 December 2023 (to date)"}, published=dt.date(2023, 12, 12)),
    Row("to-date-fr", "fr", "Depuis le début de l'année, les échanges entre la Chine et la Russie ont atteint 218,2 milliards de dollars.",
        "218,2 milliards", "supported", published=dt.date(2023, 12, 15)),
    Row("to-date-es", "es", "En lo que va de año, el comercio entre China y Rusia suma 176.400 millones de dólares.", "176.400 millones",
        "supported", published=dt.date(2023, 10, 25)),
    Row("to-date-open-en", "en", "So far this year, trade between China and Russia has reached $230 billion.", "$230 billion",
        "period-unavailable", published=dt.date(2023, 12, 12)),
    Row("level-of-base-en", "en", "Saudi Arabia shipped 87.49 million tonnes of crude to China in 2022, in line with the level of 2021.", "87.49",
        "supported", {"period": "2022"}),
    Row("level-of-base-de", "de", "Saudi-Arabien lieferte 2022 insgesamt 87,49 Millionen Tonnen Rohöl nach China, was dem Niveau von 2021 entspricht.",
        "87,49", "supported", {"period": "2022"}),
    # -- a figure of a revised series, in a text older than the source's edition ----------------------------
    Row("revised-fr", "fr", "Le PIB du Nigeria a atteint 477,4 milliards de dollars en 2022.", "477,4", "revised-since", published=dt.date(2023, 7, 26)),
    Row("revised-es", "es", "El PIB de Sudáfrica fue de 405.900 millones de dólares en 2022.", "405.900", "revised-since",
        published=dt.date(2023, 7, 26)),
    # -- a bound met only by far is about something else; a rate has no parts ------------------------------
    Row("bound-far-es", "es", "Las remesas a la economía mexicana superaron los 63.000 millones de dólares en 2023.", "63.000", "bound-far"),
    Row("rate-share-de", "de", "Mehr als die Hälfte der Inflation des Jahres 2023 in Österreich ging auf Energie zurück.", "Hälfte", "not-checked",
        {"kind": "share"}),
    Row("citizens-de", "de", "Ende 2022 zählte China 1,41 Milliarden Bürger.", "1,41 Milliarden", "supported"),
    # -- an exchange rate written as a currency's price, either way round -----------------------------------
    Row("fx-subject-fr", "fr", "En 2023, l'euro s'est échangé en moyenne à 1,08 dollar.", "1,08 dollar", "supported", {"unit": "USD / EUR"}),
    Row("fx-subject-de", "de", "Der Euro kostete 2023 im Schnitt 1,08 Dollar.", "1,08 Dollar", "supported", {"unit": "USD / EUR"}),
    Row("fx-subject-es", "es", "El yen se cotizó en promedio a 0,0071 dólares en 2023.", "0,0071", "supported", {"unit": "USD / JPY"}),
    Row("fx-us-dollar-en", "en", "The Indian rupee averaged 78.6 against the US dollar in 2022.", "78.6", "supported", {"unit": "INR / USD"}),
    Row("fx-area-fr", "fr", "Dans la zone euro, le baril de Brent coûtait 82 dollars en moyenne en 2023.", "82 dollars", "supported",
        {"unit": "USD / barrel"}),
    # -- an office's name several countries share is the one of the country the article is about --------------
    Row("agency-shared-en", "en", "Headline inflation averaged 24.7% in 2023, according to the NBS.", "24.7%", "supported", {"places": {"NGA"}},
        title="Nigeria: prices keep rising"),
    Row("agency-longer-es", "es", "La inflación promedio fue de 6,5 % en 2023, según el Instituto Nacional de Estadística e Informática.", "6,5 %",
        "supported", {"places": {"PER"}}),
    # -- another measure than the series: a census count, a part of the people, a month named elsewhere ---------
    Row("census-en", "en", "Pakistan's population grew to 241.5 million in 2023, according to the census.", "241.5", "measure-mismatch"),
    Row("census-fr", "fr", "La population du Sénégal, recensée en 2023, est de 18 032 473 habitants.", "18 032 473", "measure-mismatch"),
    Row("part-of-people-de", "de", "Ende 2022 lebten in Deutschland rund 72 Millionen Menschen mit deutschem Pass.", "72 Millionen",
        "measure-mismatch"),
    Row("arrivals-de", "de", "2022 kamen fast 1,5 Millionen Menschen nach Deutschland.", "1,5 Millionen", "measure-mismatch"),
    Row("same-month-en", "en", "US inflation stood at 3% in June 2023, down from the same month in 2022, when it reached 9.1%.", "9.1%",
        "no-period"),
    Row("far-off-es", "es", "El peso mexicano cerró 2024 con una caída de 22,96 % en relación con el dólar, esto es unos 3,90 pesos.",
        "3,90 pesos", "measure-mismatch"),
    Row("close-to-close-es", "es", "En 2024 el peso perdió 22,96 % frente al dólar, es decir unos 3,90 pesos por dólar.", "3,90 pesos",
        "measure-mismatch", {"kind": "change"}),
    Row("event-pair-fr", "fr", "La Côte d'Ivoire a tenu bon.\n\nMalgré le conflit russo-ukrainien, l'inflation y a atteint 5,3 % en 2022.", "5,3 %",
        "supported", {"places": {"CIV"}}),
    Row("rank-ordinal-superlative-en", "en", "Pakistan was the fifth most populous country in the world in 2023.", "most populous", "rank-supported",
        {"rank": 5}),
    Row("unaccented-name-fr", "fr", "En 1990, l'Egypte comptait 58,4 millions d'habitants.", "58,4 millions", "supported", {"places": {"EGY"}}),
    Row("compared-place-fr", "fr", "En 1990, l'Egypte ne comptait que 57 millions d'habitants, un nombre quasi identique à la population de la France.",
        "57 millions", "ambiguous-claim"),
    Row("average-change-basis-fr", "fr", "En 2020, la moyenne des cours du Brent a reculé de 35,11 % par rapport à 2019.", "35,11 %", "measure-mismatch"),
    Row("far-apart-change-es", "es", "En 2019 el precio medio del Brent cayó un 74,2 %.", "74,2 %", "measure-mismatch"),
    # -- a figure set after the first with no period of its own is the series' previous reading --------------
    Row("after-previous-fr", "fr", "En 2023, l'inflation en France a atteint 4,9 %, après 5,2 %.", "5,2 %", "supported", {"period": "2022"}),
    Row("after-previous-en", "en", "US inflation fell to 4.1% in 2023, after 8%.", "8%", "supported", {"period": "2022"}),
    Row("after-previous-es", "es", "La inflación de España fue del 3,5 % en 2023, tras el 8,4 %.", "8,4 %", "supported", {"period": "2022"}),
    Row("after-previous-de", "de", "Die Inflation in Deutschland lag 2023 bei 5,9 Prozent, nach 6,9 Prozent.", "6,9 Prozent", "supported",
        {"period": "2022"}),
    Row("after-entity-en", "en", "Germany's GDP reached $4.46 trillion in 2023, against $4.21 trillion for Japan.", "$4.21", "supported",
        {"period": "2023"}),
    Row("after-event-es", "es", "La inflación mensual fue del 25 % en diciembre de 2023, tras la devaluación del 54 % del peso.", "54 %",
        "not-checked", {"period": "December 2023"}),
    # -- from audit 8: a region's rank, a year-end rate, national counts, a credit given once -------------------
    Row("rank-region-es", "es", "Honduras es el segundo país con mayor inflación en Centroamérica en 2023.", "segundo", "not-checked"),
    Row("closing-to-end-en", "en", "Ghana's inflation rose to end 2022 at 54.1 per cent.", "54.1", "period-unavailable",
        {"period": "December 2022"}),
    Row("population-change-de", "de", "Polens Bevölkerung sank 2023 um 131 000 Menschen.", "131 000", "within-revisions"),
    Row("rate-change-es", "es", "En Guatemala, la inflación de 2023 fue cinco puntos porcentuales menos que en 2022.", "cinco puntos",
        "measure-mismatch"),
    Row("world-share-en", "en", "The five countries account for more than half of world GDP in 2022.", "more than half", "no-evidence"),
    Row("credited-once-en", "en", "Hungary's average inflation for 2023 rises to 17.6 pct.\n\nHungary's average inflation was 17.6 percent in "
        "2023, the Central Statistical Office said on Tuesday.", "17.6 pct", "cited-source-differs", {"inherited": ["attribution"]}),
    Row("neighbour-es", "es", "En 2022, la inflación marcó un 9,8 % para Honduras y un 11,59 % para el país vecino.", "11,59 %", "no-evidence",
        {"places": set()}),
    Row("year-end-ahead-es", "es", "En 2022, la inflación de Honduras fue del 9,8 %.", "9,8 %", "measure-mismatch"),
    Row("dot-decimals-es", "es", "En 2023, el comercio entre China y Rusia alcanzó 240,110 millones de dólares, un alza de 26.3%, con exportaciones "
        "rusas que crecieron 12.7%.", "240,110 millones", "supported"),
    Row("local-symbol-en", "en", "The ringgit averaged RM4.5605 against the US dollar in 2023.", "RM4.5605", "supported", {"unit": "MYR / USD"}),
    # -- from audit 9: the first quarters of a year, a sentence's credit, a count of something else ----------
    Row("first-quarters-de", "de", "In den ersten drei Quartalen des Jahres 2023 erreichte der Handel zwischen China und Russland 176,4 Mrd. USD.",
        "176,4", "supported", {"period": "January–September 2023"}),
    Row("first-quarters-fr", "fr", "Au cours des trois premiers trimestres de 2023, les échanges entre la Chine et la Russie ont atteint 176,4 milliards "
        "de dollars.", "176,4", "supported", {"period": "January–September 2023"}),
    Row("sentence-credit-en", "en", "As per the report, Bangladesh is the 35th largest economy in 2022 with a GDP of US$460.8 billion.",
        "US$460.8", "cited-source-differs"),
    Row("count-of-other-de", "de", "In Brasilien stieg die Bevölkerung zwischen 2010 und 2012 um 3.168 Einwohner.", "3.168", "measure-mismatch"),
    # -- from audit 10: a change in value is no change in volume; an echoed bare figure keeps the scale -------
    Row("in-value-en", "en", "China's crude imports rose 11% in volume in 2023 despite a 7.7% decrease in value.", "7.7%", "no-evidence"),
    Row("echo-scale-fr", "fr", "Le PIB de l'Égypte a atteint 318,7 milliards de dollars en 2019, contre 248,4 en 2017.", "248,4", "supported",
        {"period": "2017"}),
    # -- from audit 11: an adjective inside an indicator's name; ordinals in digits past ten ----------------
    Row("gapped-alias-fr", "fr", "Les importations chinoises de pétrole brut en provenance de Russie ont atteint 86,25 millions de tonnes en 2022.",
        "86,25", "supported"),
    Row("gapped-alias-es", "es", "Las importaciones chinas de crudo procedente de Rusia llegaron a 86,25 millones de toneladas en 2022.", "86,25",
        "supported"),
    Row("digit-ordinal-en", "en", "Mexico was the 14th largest economy in the world in 2022.", "14th", "rank-supported", {"rank": 14}),
    Row("digit-ordinal-es", "es", "México fue la 12ª economía del mundo en 2023.", "12ª", "rank-supported", {"rank": 12}),
    Row("rank-list-en", "en", "Iraq and Malaysia were China's third- and fourth-biggest crude suppliers in 2023.", "fourth-biggest", "not-checked"),
]


def _claim_verdict(row: Row):
    document = from_text(row.text, lang=row.lang, published=row.published, title=row.title)
    report = verify([document])
    at = row.text.index(row.figure)
    found = [v for v in report.verdicts if v.claim.span.start <= at < v.claim.span.end or at <= v.claim.span.start < at + len(row.figure)]
    assert found, f"no claim at {row.figure!r}: {[v.claim.text for v in report.verdicts]}"
    return found[0]


@pytest.mark.parametrize("row", ROWS, ids=[r.id for r in ROWS])
def test_phenomenon(row: Row):
    v = _claim_verdict(row)
    assert v.code == row.code, v.message
    c, e = v.claim, row.expect
    if "modality" in e:
        assert c.modality == e["modality"], c.modality_cue
    if "period" in e:
        assert (c.period.label if c.period else None) == e["period"]
    if "places" in e:
        assert {p.code for p in c.places} == e["places"]
    if "unit" in e:
        assert c.quantity.unit == e["unit"]
    if "kind" in e:
        assert c.kind == e["kind"]
    if "comparator" in e:
        assert c.quantity.comparator == e["comparator"]
    if "rank" in e:
        assert c.rank == e["rank"]
    if "inherited" in e:
        assert sorted({i.field for i in c.inherited}) == sorted(e["inherited"])
    if v.status == "contradicted":
        assert not c.inherited and c.modality == "asserted"


def test_every_language_has_rows():
    assert {r.lang for r in ROWS} == {"fr", "en", "de", "es"}
