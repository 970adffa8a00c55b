"""Which observations answer a claim, and in what order the judge reads them.

An observation answers a claim when it is the claim's series for the claim's
places (or, for a directed bilateral flow, the partner's mirror record of
it), converted into the claim's unit within one dimension.
"""

from __future__ import annotations

from .. import catalog
from ..geo import name
from ..match.routing import cited_reporter, reporter
from ..models import Claim, Evidence
from .convert import Converted, convert


def who(e: Evidence) -> str:
    """Who published the figure, without the list of pages that relayed it."""
    return (e.publisher or e.source).split(" (")[0]


def answers(claim: Claim, e: Evidence, indicator: catalog.Indicator) -> bool:
    """Whether `e` measures what the claim states: its series for the claim's
    places, or, for a directed bilateral flow, that flow as either side
    records it: China's exports to Russia, or Russia's imports from China
    (the mirror), never Russia's exports to China."""
    if indicator.mirror and e.partner is not None:
        codes = [p.code for p in claim.places if p.role != "rival"]
        if len(codes) >= 2:
            a, b = codes[:2]
            return (e.series, e.place, e.partner) in ((indicator.id, a, b), (indicator.mirror, b, a))
    return e.series == indicator.id and places_match(claim, e, indicator.symmetric)


def mirrored(claim: Claim, e: Evidence, indicator: catalog.Indicator) -> bool:
    """Whether `e` is the other side's record of a bilateral flow rather than
    the reporter's own (see `verifier.match.routing.reporter`). Word order alone
    says whose record a directed flow is ("China's exports"), but not whose
    record a total is, so for a total only an attribution makes the other
    side's figure a mirror."""
    if e.partner is None or not (indicator.mirror or indicator.symmetric):
        return False
    if indicator.symmetric and not cited_reporter(claim):
        return False
    return e.place != reporter(claim)


def places_match(claim: Claim, e: Evidence, symmetric: bool) -> bool:
    codes = [p.code for p in claim.places if p.role != "rival"]
    indicator = catalog.indicators().get(e.series)
    if indicator is not None and not indicator.dimensions:
        return True  # a world market price is nobody's: "in the euro area, Brent cost $82" is still Brent's price
    if indicator is not None and indicator.dimensions == ("currency",):
        # An exchange rate is addressed by its currency, not by a country: "7.08 yuan per dollar".
        return claim.quantity is not None and e.place == catalog.rate_currency(claim.quantity.unit)
    if e.partner is not None:
        pair = [e.place, e.partner]
        return sorted(pair) == sorted(codes[:2]) if symmetric or len(codes) >= 2 else e.place in codes
    subject = next((p.code for p in claim.places if p.role == "subject"), codes[0] if codes else None)
    return not codes if not e.place else e.place == subject


def crude(claim: Claim) -> bool:
    return bool(claim.metric and claim.metric.id.startswith("crude."))


def in_unit(claim: Claim, e: Evidence, unit: str | None = None) -> Converted:
    """The evidence's value in the claim's unit (or `unit`). Raises NotComparable."""
    assert claim.quantity is not None
    return convert(e.value, e.unit, unit if unit is not None else claim.quantity.unit, e.period, crude=crude(claim))


def ranked(claim: Claim, candidates: list[Evidence]) -> list[Evidence]:
    """Best evidence first: the reporter's own series before a partner's
    mirror (the country the attribution names, else the first place the claim
    names), then a figure already in the claim's unit, then the latest vintage."""
    first = reporter(claim)
    unit = claim.quantity.unit if claim.quantity else None
    return sorted(
        candidates,
        key=lambda e: (e.place != first, e.unit != unit, -e.retrieved.timestamp(), _negated(e.vintage or "")),
    )


def recorded_flow(e: Evidence, indicator: catalog.Indicator) -> str:
    """"Russia's imports from China": a bilateral figure as its reporter records it."""
    relation = catalog.indicators()[e.series].relation if e.series in catalog.indicators() else None
    if relation is None:
        return f"{name(e.place)}'s {indicator.title.lower()} ({name(e.partner or '')})"
    return f"{name(e.place)}'s {relation} {name(e.partner or '')}"


def mirror_note(claim: Claim, observed: Evidence, indicator: catalog.Indicator) -> str:
    """A sentence saying the figure used is the partner's record, or ""."""
    if not mirrored(claim, observed, indicator):
        return ""
    own = reporter(claim)
    return (f" No {name(own)}-reported figure was found; this is {recorded_flow(observed, indicator)}, "
            f"the partner's record of the same flow.") if own else ""


def place_list(claim: Claim) -> str:
    return ", ".join(name(p.code) for p in claim.places)


def _negated(text: str) -> tuple[int, ...]:
    return tuple(-ord(c) for c in text)
