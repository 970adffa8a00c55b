"""Claim extraction: from a Document to its quantitative claims.

The sub-extractors (quantities, periods, places, metrics) each find one kind
of mention; `claims` assembles them. Heavy modules load on first use.
"""

from __future__ import annotations

from ..models import Claim, Document


def extract(document: Document) -> list[Claim]:
    """The quantitative claims of a document, in text order."""
    from .claims import extract as _extract

    return _extract(document)


def parse(kind: str, text: str, *, lang: str, published=None) -> list[dict]:
    """What one sub-extractor finds in `text`, claim or not (`verifier parse`,
    design §4): quantities, periods or places, each with its span."""
    from ..documents import from_text
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
        return [{"text": m.text, "span": span(m), **m.quantity.model_dump()} for m in found.quantities]
    if kind == "places":
        return [{"text": m.text, "span": span(m), "code": m.code} for m in found.places]
    raise ValueError(f"unknown kind {kind!r}")
