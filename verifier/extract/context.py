"""Document context: what a figure's sentence leaves unsaid and the text said
before. News names the countries once ("Les échanges entre la Chine et la
Russie…") and then writes "the two countries", "le pays", or nothing at all;
a period is stated once for a paragraph.

A figure whose clause names no place takes them from the text: the country
of the statistics office it is attributed to ("selon l'Insee"), the pair an
anaphor points back to ("the two countries", "beide Länder"), else the places
of the latest sentence that named any, in its paragraph or the one before,
else those of the headline. Every inherited field records where it
came from (`Claim.inherited`), so that the report can show it and the judge
never calls a figure wrong on an inference alone.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources

from .. import catalog
from ..models import Document, Inherited, Place
from ..phrases import phrase_pattern
from . import lexicon as lx
from . import periods as period_finder
from . import places as place_finder
from .mentions import PeriodMention, PlaceMention
from .periods import months_period

#: How many paragraphs back a sentence may lend its places or its period: a careful reader
#: carries the subject across one paragraph break, not across the article.
_REACH = 1


@dataclass(frozen=True)
class _Grammar:
    pair: re.Pattern  # "the two countries", "les deux pays": the last two countries named
    one: re.Pattern  # "the country", "le pays": the last one
    other: re.Pattern  # "the neighbouring country", "el país vecino": one the text does not name
    indefinite: re.Pattern  # "for years", "jahrelang": no period at all
    current: re.Pattern  # "now", "désormais": this year's level
    partner: re.Pattern  # "from", "nach" right before a country: a flow's partner
    partner_of: str  # "de" between a flow's commodity and a country: "toneladas de crudo de Rusia"
    supplier: re.Pattern  # "supplier", "fournisseur": a rank among a flow's partners
    destination: re.Pattern  # "to", "a", "nach" right before a flow's one place: where it went, from a sender unnamed


@cache
def _grammar(lang: str) -> _Grammar:
    section = lx.load(lang).data.get("context", {})
    return _Grammar(
        pair=re.compile(phrase_pattern(section.get("pair", [])), re.I),
        one=re.compile(phrase_pattern(section.get("one", [])), re.I),
        other=re.compile(phrase_pattern(section.get("other", [])) or "(?!)", re.I),
        indefinite=re.compile(phrase_pattern(section.get("indefinite", [])), re.I),
        current=re.compile(phrase_pattern(section.get("current", [])) or "(?!)", re.I),
        partner=re.compile(
            rf"(?:{phrase_pattern(lx.load(lang).data.get('places', {}).get('partner_before', [])) or '(?!)'})[\s\u00a0]+(?:\w+[\s\u00a0]+)?\Z", re.I
        ),
        partner_of=phrase_pattern(lx.load(lang).data.get("places", {}).get("partner_after_flow", [])) or "(?!)",
        destination=re.compile(
            rf"(?:{phrase_pattern(lx.load(lang).data.get('places', {}).get('destination_before', [])) or '(?!)'})(?:[\s\u00a0]+|(?<=['’]))\Z", re.I
        ),
        supplier=re.compile(phrase_pattern(lx.load(lang).data.get("ranking", {}).get("supplier_nouns", [])) or "(?!)", re.I),
    )


_LEDE = 1200  # characters: how far into the body the article's own statistics office is looked for


@dataclass
class Context:
    """Fed sentence by sentence, in text order (`observe`), it completes a figure's fields (`complete`)."""

    document: Document
    named: list[tuple[int, list[PlaceMention]]] = field(default_factory=list)  # (paragraph, places) of each sentence naming any
    headline: list[PlaceMention] = field(default_factory=list)
    measured: list[tuple[int, dict]] = field(default_factory=list)  # (paragraph, fields) of each claim naming an indicator
    headline_period: PeriodMention | None = None
    stated: tuple[int, PeriodMention] | None = None  # (paragraph, period) of the last period stated
    framed: tuple[int, PeriodMention] | None = None  # (paragraph, period) of the first period of the last paragraph stating any

    def __post_init__(self) -> None:
        if self.document.title:
            self.headline = _countries(place_finder.subjects(place_finder.find(self.document.title, self.document.lang)))
            stated = [p for p in period_finder.find(self.document.title, self.document.lang, self.document.published) if p.measured]
            self.headline_period = stated[-1] if stated else None

    def observe(self, paragraph: int, places: list[PlaceMention]) -> None:
        if countries := _countries(places):
            self.named.append((paragraph, countries))

    def observe_period(self, paragraph: int, periods: list[PeriodMention], main: PeriodMention) -> None:
        """`periods`: those a sentence states, in text order; `main`: its main figure's, which the next
        sentence carries on. A day is rarely a paragraph's frame ("Ce mercredi, le taux de chômage atteint
        7,4 % au troisième trimestre"): the first longer one is."""
        longer = [p for p in periods if p.period.start != p.period.end]
        if self.framed is None or self.framed[0] != paragraph or (self.framed[1].period.start == self.framed[1].period.end and longer):
            self.framed = (paragraph, (longer or periods)[0])
        self.stated = (paragraph, main)

    def period(self, paragraph: int) -> PeriodMention | None:
        """The period a sentence stating none is about: the last one stated in its
        paragraph, else the first of the one before, else the headline's ("In the fourth quarter, GDP rose 0.8 %. ¶
        Household spending rose 1 %"). A paragraph's first period frames it; its later ones are often
        points of comparison ("2022 stieg sie auf 7,9 Prozent. 2021 hatte sie noch bei 3,1 Prozent gelegen. ¶ …")."""
        if self.stated and self.stated[0] == paragraph:
            return self.stated[1]
        if self.framed and paragraph - self.framed[0] <= _REACH:
            return self.framed[1]
        return self.headline_period

    def observe_claims(self, paragraph: int, claims: list[dict]) -> None:
        self.measured.extend((paragraph, c) for c in claims if c.get("metric") is not None)

    def complete(self, fields: dict, paragraph: int, clause: tuple[int, int], previous: PeriodMention | None, own_periods) -> dict:
        """`fields` of a claim, with the places, period and indicator the context lends it, and where each came from."""
        inherited: list[Inherited] = []
        vague = fields.pop("vague", False)  # the figure's own period is a part no source delimits: none to lend
        if fields["kind"] != "ranking" and self._other_named(fields["span"].end, clause[1]):
            return {**fields, "places": []}  # "y un 11,59 % para el país vecino": no place the text names, none to lend
        lent = None
        if fields.get("metric") is None:
            lent = self._supplied(fields, paragraph) if fields["kind"] == "ranking" else (
                self._metric(fields, paragraph) if fields["kind"] in ("amount", "change") else None
            )
        if lent is not None:
            fields = {**fields, "metric": lent["metric"]}
            inherited.append(Inherited(field="metric", text=lent["metric"].text, span=lent["span"]))
            if fields["kind"] != "ranking" and (counterpart := self._counterpart(fields, paragraph)):
                fields = {**fields, "places": [counterpart, *fields["places"]]}
                inherited.append(Inherited(field="places", text=counterpart.text, span=lent["span"]))
        period = fields.get("period")
        carried = period is not None and previous is not None and previous.period == period and not any(p.period == period for p in own_periods)
        if not vague and (carried or period is None) and self._indefinite(fields["span"], clause):
            fields = {**fields, "period": None}  # "hatte jahrelang Japan das höchste BIP": no year to lend
        elif not vague and period is None and (latest := self._latest_year(fields)) is not None:
            now = _grammar(self.document.lang).current.search(self.document.text, *clause)
            if now:
                latest = months_period(latest.end.year + 1, 1, 12)
            fields = {**fields, "period": latest}
            said = f"{latest.label}, the year it is said to be so now (\"{now.group()}\")" if now else f"{latest.label}, the last full year before publication"
            inherited.append(Inherited(field="period", text=said))
        elif carried:
            inherited.append(self._from_text("period", previous))
        # Places matter where a series is looked up: a figure naming no indicator keeps its sentence's;
        # one of a series with no place (a world market price) takes none.
        placeless = fields.get("metric") is not None and not catalog.indicators()[fields["metric"].id].dimensions
        if not fields.get("places") and fields["kind"] != "ranking" and not placeless:
            lent = self._places(paragraph, clause, fields.get("attribution"))
            if lent:
                fields = {**fields, "places": [p for p, _ in lent]}
                inherited.extend(dict.fromkeys(source for _, source in lent))
        elif fields.get("metric") is not None and (reporter := self._reporter(fields, paragraph, clause)):
            fields = {**fields, "places": [reporter[0], *fields["places"]]}
            inherited.append(reporter[1])
        elif fields.get("metric") is not None and (destination := self._destination(fields, clause)):
            fields = {**fields, "places": [destination]}
        return {**fields, "inherited": inherited} if inherited else fields

    def _reporter(self, fields: dict, paragraph: int, clause: tuple[int, int]) -> tuple[Place, Inherited] | None:
        """The reporter of a flow whose one place is its partner: "bought 107 Mt of crude from Russia"
        after a headline on China and Russia is China's imports from Russia."""
        if (found := self._flow_place(fields, clause)) is None:
            return None
        (partner, at), text, g = found, self.document.text, _grammar(self.document.lang)
        # "de" alone says little ("las importaciones de Rusia" are Russia's); right after the commodity it names the origin.
        of_flow = re.compile(rf"{re.escape(fields['metric'].text)}[\s\u00a0]+(?:{g.partner_of})[\s\u00a0]*\Z", re.I)
        if not (g.partner.search(text, max(clause[0], at - 25), at) or of_flow.search(text, max(clause[0], at - 60), at)):
            return None
        pairs = [places for where, places in reversed(self.named) if paragraph - where <= _REACH] + [self.headline]
        for places in pairs:
            codes = [p.code for p in places]
            if len(codes) == 2 and partner.code in codes:
                other = places[1 - codes.index(partner.code)]
                return _place(other), self._from_text("places", other)
        return None

    def _destination(self, fields: dict, clause: tuple[int, int]) -> Place | None:
        """A flow's one place, when the text names it as where the flow went ("envió 85,96 Mt de crudo a China"):
        the sender is the sentence's subject, unnamed, so the figure is no total of the place's."""
        if (found := self._flow_place(fields, clause)) is None:
            return None
        place, at = found
        if not _grammar(self.document.lang).destination.search(self.document.text, max(clause[0], at - 12), at):
            return None
        return place.model_copy(update={"role": "destination"})

    def _flow_place(self, fields: dict, clause: tuple[int, int]) -> tuple[Place, int] | None:
        """The one place of a bilateral flow, and where its clause names it (a claim's places keep no offsets)."""
        own = fields.get("places") or []
        if len(own) != 1 or catalog.indicators()[fields["metric"].id].dimensions != ("reporter", "partner"):
            return None
        at = self.document.text.find(own[0].text, *clause)
        return (own[0], at) if at >= 0 else None

    def _counterpart(self, fields: dict, paragraph: int) -> Place | None:
        """The reporter a bilateral flow listed partner by partner keeps: "Saudi Arabia sold China 38.6 Mt…
        It is followed by Iraq (25.42 Mt)" is China's imports from Iraq: the market of the ranking it follows,
        else the first place of the flow."""
        own, metric = fields.get("places") or [], fields["metric"].id
        if len(own) != 1 or "partner" not in catalog.indicators()[metric].dimensions:
            return None
        flows = [
            before for where, before in reversed(self.measured)
            if paragraph - where <= _REACH and before["metric"].id == metric and len(before.get("places") or []) == 2
        ]
        if not flows or own[0].code in {p.code for p in flows[0]["places"]}:
            return None
        # A ranking names the market its suppliers are ranked in ("el mayor proveedor de petróleo de China"),
        # and that market frames the article, however far back the ranking stood.
        rankings = [f for _, f in reversed(self.measured) if f["kind"] == "ranking" and f["metric"].id == metric]
        markets = [p for f in rankings for p in f.get("places") or [] if p.role == "counterpart"]
        market = markets[0] if markets else next((f["places"][0] for f in flows if f["kind"] != "ranking"), None)
        return Place(code=market.code, text=market.text) if market is not None and market.code != own[0].code else None

    def _indefinite(self, span, clause: tuple[int, int]) -> bool:
        """Whether an indefinite stretch of time governs the figure: next to it, with no
        comma between ("hatte jahrelang Japan das höchste BIP"), not elsewhere in its
        clause ("China's top supplier for many years, delivered 86 million tons")."""
        text = self.document.text
        for m in _grammar(self.document.lang).indefinite.finditer(text, max(clause[0], span.start - 40), min(clause[1], span.end + 40)):
            between = text[m.end() : span.start] if m.end() <= span.start else text[span.end : m.start()] if m.start() >= span.end else ""
            if "," not in between:
                return True
        return False

    def _latest_year(self, fields: dict):
        metric, published = fields.get("metric"), self.document.published
        if metric is None or published is None or fields["kind"] not in ("amount", "ranking"):
            return None
        if not catalog.indicators()[metric.id].latest_year:
            return None
        return months_period(published.year - 1, 1, 12)

    def _metric(self, fields: dict, paragraph: int) -> dict | None:
        """The latest claim before, in this paragraph or the one before, whose
        indicator the figure can measure: "Germany's reached $4.46 trillion"
        after "Japan's GDP was $4.21 trillion"."""
        quantity = fields.get("quantity")
        if quantity is None:
            return None
        for where, before in reversed(self.measured):
            if paragraph - where > _REACH:
                return None
            indicator = catalog.indicators()[before["metric"].id]
            change_of_level = fields["kind"] == "change" and quantity.unit == "%"
            if change_of_level or quantity.unit in indicator.also_in or catalog.unit_family(indicator.unit) == catalog.unit_family(quantity.unit):
                return before
        return None

    def _supplied(self, fields: dict, paragraph: int) -> dict | None:
        """The flow a supplier's rank is taken in: "Russia has been China's No. 1 supplier" after
        "China bought 107 Mt of crude from Russia" ranks the suppliers of China's crude imports."""
        if not _grammar(self.document.lang).supplier.search(fields["text"]):
            return None
        for where, before in reversed(self.measured):
            if paragraph - where > _REACH:
                return None
            if "partner" in catalog.indicators()[before["metric"].id].dimensions:
                return before
        return None

    def _places(self, paragraph: int, clause: tuple[int, int], attribution: str | None = None):
        g, text = _grammar(self.document.lang), self.document.text
        if attribution and (agency := _agencies().search(attribution)):
            # "detalla el INE": Spain's statistics office publishes Spain's figures.
            at = text.find(attribution, max(0, clause[0] - 400))
            span = self.document.locate(at + agency.start(), at + agency.end()) if at >= 0 else None
            code = self._agency_country(agency.group())
            return [(Place(code=code, text=agency.group()), Inherited(field="places", text=agency.group(), span=span))]
        if g.other.search(text, *clause):
            return []  # "el país vecino": a country the text does not name
        if g.pair.search(text, *clause):
            return self._pair()
        if g.one.search(text, *clause):
            return self._latest(1)
        for where, places in reversed(self.named):
            if paragraph - where > _REACH:
                break
            if len(places) > 2:
                break  # a sentence naming many countries ("…the United States and their allies…") has no one subject to lend
            return [(_place(p), self._from_text("places", p)) for p in places]
        if self.headline:
            source = Inherited(field="places", text=self.document.title or "", span=None)
            return [(_place(p), source) for p in self.headline]
        return self._home(clause)

    def _home(self, clause: tuple[int, int]):
        """The country whose statistics office the article reports, when it names no
        country near the figure: "El INE eleva…" in the headline, "Destatis" in the lede;
        else the country of the dateline's city ("Berlin (dpa) - Der Bundestag…")."""
        title = self.document.title or ""
        body = max((e for s, e in self.document.skipped if s == 0), default=0)  # after the front matter
        # The office may be named just after the lede's figures ("La inflación ha cerrado 2023 en el 3,1 %… ¶ El INE ha confirmado…").
        agency = _agencies().search(title) or _agencies().search(self.document.text, 0, max(clause[0], body + _LEDE))
        if agency is None:
            city = place_finder.dateline(self.document.text, self.document.lang, body)
            return [(_place(city), self._from_text("places", city))] if city else []
        span = None if agency.string is title else self.document.locate(agency.start(), agency.end())
        return [(Place(code=self._agency_country(agency.group()), text=agency.group()), Inherited(field="places", text=agency.group(), span=span))]

    def _agency_country(self, agency: str) -> str:
        """The country of an office the text names; of a name several share, the first the article names."""
        countries = _agency_table()[agency]
        if isinstance(countries, str):
            return countries
        return next((c for c in countries if c in self._named_anywhere), countries[0])

    @cached_property
    def _named_anywhere(self) -> set[str]:
        return {m.code for m in place_finder.find(f"{self.document.title or ''}\n{self.document.text}", self.document.lang)}

    def _other_named(self, start: int, end: int) -> bool:
        """Whether the figure ending at `start` is for a country the text does not name: "un 11,59 % para el país vecino"."""
        m = _grammar(self.document.lang).other.search(self.document.text, start, min(end, start + 40))
        return m is not None and not re.search(r"\d", self.document.text[start : m.start()])

    def _pair(self):
        """The pair "the two countries" points back to: the latest two named together in
        one sentence (or the headline), not the last two named apart, as another country
        named in between ("…said the United States") is not one of the two."""
        for _, places in reversed(self.named):
            if len(places) >= 2:
                return [(_place(p), self._from_text("places", p)) for p in places[:2]]
        if len(self.headline) >= 2:
            return [(_place(p), self._from_text("places", p)) for p in self.headline[:2]]
        return self._latest(2)

    def _latest(self, n: int):
        """The last `n` distinct countries the text named, in the order it named them."""
        chosen: dict[str, PlaceMention] = {}
        for _, places in reversed(self.named):
            for p in reversed(places):
                if len(chosen) < n:
                    chosen.setdefault(p.code, p)
        if len(chosen) < n:
            for p in self.headline:
                if len(chosen) < n:
                    chosen.setdefault(p.code, p)
        ordered = sorted(chosen.values(), key=lambda p: p.start)
        return [(_place(p), self._from_text("places", p)) for p in ordered]

    def _from_text(self, what: str, mention) -> Inherited:
        in_headline = mention in self.headline or mention is self.headline_period
        span = None if in_headline else self.document.locate(mention.start, mention.end)
        return Inherited(field=what, text=mention.text, span=span)


@cache
def _agency_table() -> dict[str, str]:
    return tomllib.loads((resources.files(__package__) / "lexicons" / "agencies.toml").read_text("utf-8"))["agencies"]


@cache
def _agencies() -> re.Pattern:
    # Case-sensitive on purpose: acronyms ("INE", "ONS") are words in lower case.
    names = sorted(_agency_table(), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)")


def _countries(places: list[PlaceMention]) -> list[PlaceMention]:
    """One mention per country, aggregates (the world, the EU) left out: they are settings, not subjects."""
    seen: dict[str, PlaceMention] = {}
    for p in places:
        if p.kind != "aggregates":
            seen.setdefault(p.code, p)
    return list(seen.values())


def _place(p: PlaceMention) -> Place:
    return Place(code=p.code, text=p.text)
