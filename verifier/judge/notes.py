"""The sentence a verdict's message ends with when its text names a source:
which source that is and whether its figures were used, or why not.

The sentences themselves are in the codes table (`verifier.codes.ENDINGS`);
this module only picks one and fills it.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..codes import ending
from ..geo import name
from ..match.routing import Route
from ..models import Verdict
from .evidence import who


def note(r: Route, v: Verdict, failed: Iterable[str] = (), what: str = "this series", bilateral: bool = False) -> str:
    """`failed`: ids of sources that did not answer; `what`: the indicator, as people call it;
    `bilateral`: the claim is a flow between two countries, whose own records the text may cite."""
    said = " and ".join(r.cited)
    quoted = f"{said} (\"{r.attribution}\")" if said and said.casefold() != r.attribution.casefold() else said or f"\"{r.attribution}\""
    first = next(iter(v.evidence), None)
    instead = ending("checked-instead", who=who(first)) if first else "."
    if r.serving:
        if any(e.source in r.serving for e in v.evidence):
            return ending("cited-used", quoted=quoted)
        if set(r.serving) <= set(failed):
            return ending("cited-failed", quoted=quoted, instead=instead)
        return ending("cited-no-figure", quoted=quoted, instead=instead)
    if r.disabled:
        return ending("cited-not-in-run", quoted=quoted, flag=",".join(r.disabled), instead=instead)
    if r.idle:
        return ending("cited-no-series", quoted=quoted, what=what, instead=instead)
    if bilateral and r.reporter and r.reporter in {p.code for p in v.claim.places}:
        # When the figure used is the other side's, the judge's message has said so.
        country = name(r.reporter)
        if first is None:
            return ending("own-statistics", country=country, attribution=r.attribution)
        return ending("own-statistics-used", country=country, attribution=r.attribution) if first.place == r.reporter else ""
    return ending("cited-unknown", quoted=quoted, instead=instead)
