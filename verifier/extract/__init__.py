"""Claim extraction: from a Document to its quantitative claims.

The sub-extractors (quantities, periods, places, metrics) each find one kind
of mention; `claims` assembles them. Heavy modules load on first use.
"""

from __future__ import annotations

from ..models import Claim, Document, Quantity


def extract(document: Document) -> list[Claim]:
    """The quantitative claims of a document, in text order."""
    from .claims import extract as _extract

    return _extract(document)


def parse(kind: str, text: str, *, lang: str, published=None) -> list[dict]:
    """What one sub-extractor finds in `text`, claim or not (`verifier parse`,
    design §4): quantities, periods or places, each with its span."""
    from ..read.documents import from_text
    from .claims import find_mentions

    document = from_text(text, lang=lang, published=published)
    found = find_mentions(text, document.lang, document.published)

    def span(m) -> dict:
        return document.locate(m.start, m.end).model_dump()


    if kind == "periods":
        return [
            {"text": m.text, "span": span(m), "start": m.period.start.isoformat(), "end": m.period.end.isoformat(), "label": m.period.label}
            for m in found.periods
        ]
    if kind == "quantities":
        # Multiples and multipliers are quantities too: "doubled" is +100 %.
        multiples = [(m.start, m.end, m.text, Quantity(value=abs(m.multiplier), unit="%")) for m in found.changes if m.multiplier is not None]
        items = sorted([(m.start, m.end, m.text, m.quantity) for m in found.quantities] + multiples, key=lambda i: i[0])
        return [{"text": text, "span": document.locate(s, e).model_dump(), **q.model_dump()} for s, e, text, q in items]
    if kind == "places":
        # Every place named, those that only set the scene ("in Beijing") too.
        return [{"text": m.text, "span": span(m), "code": m.code} for m in sorted(found.places + found.settings, key=lambda m: m.start)]
    raise ValueError(f"unknown kind {kind!r}")
