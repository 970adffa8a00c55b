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
