"""The verdict on a planned claim: its queries' answers go to the judge of
its kind, the source its text names is heard first, and the document's own
figures contradict it when no source can settle it.
"""

from __future__ import annotations

import datetime as dt

from .. import catalog
from ..codes import ending, verdict
from ..geo import AGGREGATES, name
from ..match.planner import Plan
from ..models import Claim, Evidence, Verdict
from ..periods import months_period
from ..readable import format_magnitude
from ..tolerances import Settings
from .aggregate import sum_into
from .amounts import judge_amount
from .consistency import Finding
from .convert import NotComparable
from .derived import judge_change, judge_comparison, judge_share
from .evidence import in_unit, who
from .notes import note
from .rankings import judge_ranking

JUDGES = {"ranking": judge_ranking, "change": judge_change, "comparison": judge_comparison, "share": judge_share}


def consistent(v: Verdict, findings: dict[str, Finding]) -> Verdict:
    """A figure the sources cannot settle is still contradicted when the
    document contradicts itself; a source's verdict, when there is one, is
    the more specific finding and stands."""
    f = findings.get(v.claim.id)
    if f is None or v.status != "unverifiable":
        return v
    return verdict(v.claim, v.document, "inconsistent", stated=f.stated, others=f.others, implied=f.implied)


def judge_plan(
    document: str, p: Plan, evidence: list[Evidence], failures: list[str], settings: Settings, published: dt.date | None = None
) -> Verdict:
    """The verdict on a planned claim, given what its queries returned
    (`failures`: the messages of the sources that did not answer) and the
    date the text was published, when known."""
    return _in_context(_revised(_identified(p, _decide(document, p, evidence, failures, settings)), published))


def _revised(v: Verdict, published: dt.date | None) -> Verdict:
    """A figure of a series revised for years after its first release (GDP, population), a little off
    the source's current edition, in a text published before that edition: the text may quote the
    edition of its day (a World Bank GDP of July 2023), so it is not called wrong on a later one."""
    # A figure that is exactly another period's in the current edition has the wrong period, not an old edition.
    if v.code != "value-mismatch" or published is None or not v.claim.metric or not v.claim.quantity:
        return v
    band, observed = catalog.indicators()[v.claim.metric.id].revised_within, v.evidence[0]
    # Only a past period's published estimate is revised; a figure for a period not yet over is a projection.
    if not band or not v.claim.period or published <= v.claim.period.end or published >= observed.retrieved.date():
        return v
    try:
        value = in_unit(v.claim, observed).value
    except NotComparable:
        return v
    if not value or abs(v.claim.quantity.value - value) > band * abs(value):
        return v
    return verdict(
        v.claim, v.document, "revised-since", v.evidence, v.interval, stated=v.message,
        band=f"{band:.1%}", published=f"{published:%Y-%m-%d}", retrieved=f"{observed.retrieved:%Y-%m-%d}",
    )


def _identified(p: Plan, v: Verdict) -> Verdict:
    """A contradiction needs the evidence to be the same quantity as the claim:
    the figure the text cites from a publisher no configured source serves,
    and a figure whose sentence names several countries for a one-country
    series, are not called wrong on another publisher's or another country's figure."""
    if v.status != "contradicted" or not v.evidence:
        return v
    claim, first = v.claim, v.evidence[0]
    r = p.route
    if r is not None and not any(e.source in r.serving for e in v.evidence) and not (r.reporter and first.place == r.reporter):
        cited = " and ".join(r.cited) if r.cited else f"\"{r.attribution}\""
        return verdict(claim, v.document, "cited-source-differs", v.evidence, v.interval, stated=v.message, cited=cited)
    indicator = catalog.indicators()[claim.metric.id] if claim.metric else None
    countries = list(dict.fromkeys(pl.code for pl in claim.places if pl.role != "rival" and pl.code not in AGGREGATES))
    if indicator is not None and indicator.dimensions == ("place",) and len(countries) > 1 and claim.kind in ("amount", "change"):
        others = [name(c) for c in countries if c != first.place]
        readings = f"The sentence also names {' and '.join(others)}; the figure may be {'theirs' if len(others) > 1 else 'its'}."
        return verdict(claim, v.document, "ambiguous-claim", v.evidence, v.interval, stated=v.message, readings=readings)
    return v


def _in_context(v: Verdict) -> Verdict:
    """A verdict on a claim whose places or period came from earlier in the
    text says so; and such a claim is never called wrong: the inference, not
    the text, may be what fails."""
    if not v.claim.inherited:
        return v
    where = "; ".join(
        f"{i.field} \"{i.text}\"" + (f" (line {i.span.line})" if i.span else " (the headline)" if i.field == "places" else "")
        for i in v.claim.inherited
    )
    if v.status == "contradicted":
        return verdict(v.claim, v.document, "context-mismatch", v.evidence, v.interval, stated=v.message, where=where)
    return v.model_copy(update={"message": v.message + ending("from-context", where=where)})


def _decide(document: str, p: Plan, evidence: list[Evidence], failures: list[str], settings: Settings) -> Verdict:
    claim = p.claim
    if p.code:
        result = verdict(claim, document, p.code, **p.fields)
        return _routed(p, result, failures) if p.code == "no-evidence" else result
    if failures and not evidence:
        # The reason names each source that failed, the named one among them.
        return verdict(claim, document, "source-unavailable", reason="; ".join(dict.fromkeys(failures)))
    if p.route and p.route.serving:
        named = [e for e in evidence if e.source in p.route.serving]
        if named:
            result = _judge_evidence(claim, document, named, settings)
            if result.code not in UNSETTLED:
                return _routed(p, result, failures)
    return _routed(p, _judge_evidence(claim, document, evidence, settings), failures)


#: Verdicts that say the evidence at hand cannot settle the claim: when the
#: named source's evidence ends in one of these, the other sources' is judged.
UNSETTLED = ("no-evidence", "period-unavailable", "unit-mismatch")


def _judge_evidence(claim: Claim, document: str, evidence: list[Evidence], settings: Settings) -> Verdict:
    if claim.period and claim.period.to_date and claim.kind in ("amount", "change"):
        return _to_date(claim, document, evidence, settings)
    missing: dict[str, list[str]] = {}
    if claim.kind == "amount" and claim.metric and claim.period and catalog.indicators()[claim.metric.id].additive:
        # Monthly figures summed into the claimed window, when they cover it.
        summed = sum_into(claim.period, evidence)
        evidence, missing = evidence + summed.evidence, summed.missing
    result = _as_rate(claim, document, evidence, settings) or JUDGES.get(claim.kind, judge_amount)(claim, document, evidence, settings)
    if missing and result.code in ("period-unavailable", "period-mismatch"):
        gaps = "; ".join(f"{source} lacks {', '.join(months)}" for source, months in missing.items())
        result = result.model_copy(update={"message": result.message + ending("months-missing", gaps=gaps)})
    return result


#: How many months a running total may lag its publication: statistics offices and customs
#: report a month one to six weeks after it ends, so a total printed on 10 December runs to
#: October or November.
_REPORTING_LAG = 2


def _to_date(claim: Claim, document: str, evidence: list[Evidence], settings: Settings) -> Verdict:
    """A running total to the publication date, judged as the months it can mean: the latest
    first. A reading that matches settles it; none matching says nothing either way, since the
    text does not say which months it counts."""
    assert claim.period
    start, end = claim.period.start, claim.period.end
    readings = []
    for lag in range(1, _REPORTING_LAG + 1):
        last = end.year * 12 + end.month - 1 - lag  # months since year 0, as an index
        if last // 12 != start.year or last % 12 + 1 < start.month:
            break  # before the total's first month, or a running total across years ("since the start of 2022"), which no table holds
        period = months_period(start.year, start.month, last % 12 + 1)
        readings.append(_judge_evidence(claim.model_copy(update={"period": period}), document, evidence, settings))
    settled = [v for v in readings if v.status == "supported"]
    if settled:
        v = settled[0]
        return v.model_copy(update={"claim": claim, "message": v.message + ending("to-date-read", period=v.evidence[0].period.label, who=who(v.evidence[0]))})
    seen = [v.evidence[0] for v in readings if v.evidence and v.status != "unverifiable"]
    if not seen:
        if not readings:
            return verdict(claim, document, "not-checked", reason=f"A running total to {end.day} {end:%B %Y} counts no whole month a source reports.")
        return readings[0].model_copy(update={"claim": claim})
    tried = "; ".join(f"{format_magnitude(e.value, e.unit)} for {e.period.label}" for e in seen)
    return verdict(claim, document, "period-unavailable", seen, who=who(seen[0]), period=claim.period.label, nearest=tried, note=ending("to-date-open"))


def _routed(p: Plan, v: Verdict, failures: list[str]) -> Verdict:
    """`v` with a last sentence on the source the claim's text names, if it names one."""
    if p.route is None:
        return v
    indicator = catalog.indicators()[p.claim.metric.id] if p.claim.metric else None
    failed = {f.split(": ", 1)[0] for f in failures}
    what = _lower_first(indicator.title) if indicator else "this series"
    bilateral = bool(indicator and indicator.dimensions == ("reporter", "partner"))
    return v.model_copy(update={"message": v.message + note(p.route, v, failed, what, bilateral)})


def _lower_first(title: str) -> str:
    """"Merchandise exports" -> "merchandise exports", but "GDP (current US$)" stays."""
    return title[0].lower() + title[1:] if title[1:2].islower() else title


def _as_rate(claim: Claim, document: str, evidence: list[Evidence], settings: Settings) -> Verdict | None:
    """"Consumer prices rose 3.1 % in 2023" states the inflation rate itself, where "inflation fell 48.5 %" is the
    rate's own change: both readings are tried, and neither is called wrong while the other may hold."""
    if claim.kind != "change" or not claim.metric or not claim.quantity or claim.quantity.unit != "%":
        return None
    if not catalog.indicators()[claim.metric.id].changes_are_rate:
        return None
    as_rate = judge_amount(claim.model_copy(update={"kind": "amount"}), document, evidence, settings).model_copy(update={"claim": claim})
    if catalog.says(claim.metric.id, "prices", claim.metric.text):
        # "Consumer prices rose 3.1 %": the prices' change is the rate, and only the rate.
        return as_rate if as_rate.status != "contradicted" else _neither(claim, document, as_rate, None)
    as_change = judge_change(claim, document, evidence, settings)
    if as_change.status == "supported":
        return as_change
    if as_rate.status == "supported":
        return as_rate
    return as_change if as_change.status != "contradicted" else _neither(claim, document, as_rate, as_change)


def _neither(claim: Claim, document: str, as_rate: Verdict, as_change: Verdict | None) -> Verdict:
    own = f" nor as the rate's own change ({as_change.message})" if as_change else ""
    return verdict(
        claim, document, "ambiguous-claim", as_rate.evidence,
        stated=f"The text gives a change in prices of {format_magnitude(claim.quantity.value, '%', signed=True)}.",
        readings=f"Not as the inflation rate ({as_rate.message}){own} does it hold; the text may mean another measure "
        "(a month's, December on December), so it is not called wrong.",
    )
