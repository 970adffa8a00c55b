"""`--format claimreview`: one schema.org ClaimReview per verdict, as JSON-LD.

The markup fact-checkers publish so that search engines and aggregators can
show a verdict beside the claim. What schema.org has no property for is
carried by the nearest type that does:

- the claim (itemReviewed, a `Claim`): its words, where it appeared, its
  period (`temporalCoverage`, an ISO 8601 interval) and places;
- what the claim states, with the interval under which it holds: a
  `QuantitativeValue` (value, minValue/maxValue, unitText) as the claim's `about`;
- what the source says (isBasedOn): one `Dataset` per evidence item, naming
  its series, publisher, licence and query URL, with the observed value as
  its `variableMeasured` and the observed period as its `temporalCoverage`.

The rating is textual (`alternateName`: Supported, Contradicted,
Unverifiable), with no ratingValue: our verdicts are not points on a truth
scale, and a number would invite averaging them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from ..models import Claim, Document, Evidence, Period, Report, Verdict
from .verdicts import interval_text

STATUS_NAMES = {"supported": "Supported", "contradicted": "Contradicted", "unverifiable": "Unverifiable"}


def render(report: Report, documents: Mapping[str, Document] | None = None, **_: Any) -> str:
    graph = [_review(v, report) for v in report.verdicts]
    return json.dumps({"@context": "https://schema.org", "@graph": graph}, ensure_ascii=False, indent=2) + "\n"


def _review(v: Verdict, report: Report) -> dict[str, Any]:
    review: dict[str, Any] = {
        "@type": "ClaimReview",
        "identifier": f"{v.document}#{v.claim.id}",
        "claimReviewed": " ".join(v.claim.sentence.split()),
        "datePublished": report.run.started.date().isoformat(),
        "author": {"@type": "Organization", "name": f"verifier {report.run.version}"},
        "reviewRating": {
            "@type": "Rating",
            "alternateName": STATUS_NAMES[v.status],
            "ratingExplanation": v.message,
            "identifier": v.code,
        },
        "reviewBody": v.message,
        "itemReviewed": _claim(v, report),
    }
    if v.evidence:
        review["isBasedOn"] = [_dataset(e) for e in v.evidence]
    return review


def _claim(v: Verdict, report: Report) -> dict[str, Any]:
    claim = v.claim
    appearance: dict[str, Any] = {"@type": "CreativeWork", "name": v.document}
    if published := report.run.published.get(v.document):
        appearance["datePublished"] = published.isoformat()
    item: dict[str, Any] = {"@type": "Claim", "text": claim.text, "appearance": appearance}
    if lang := report.run.lang.get(v.document):
        item["inLanguage"] = lang
    if claim.period:
        item["temporalCoverage"] = _iso_interval(claim.period)
    if claim.places:
        item["spatialCoverage"] = [{"@type": "Place", "name": p.text, "identifier": p.code} for p in claim.places]
    if about := _stated(v, claim):
        item["about"] = about
    return item


def _stated(v: Verdict, claim: Claim) -> dict[str, Any] | None:
    if claim.quantity is None and claim.rank is None:
        return None
    stated: dict[str, Any] = {"@type": "QuantitativeValue"}
    if claim.metric:
        stated["name"] = claim.metric.id
    if claim.kind == "ranking" and claim.rank is not None:
        stated["value"] = claim.rank
        stated["unitText"] = "rank"
    elif claim.quantity is not None:
        stated["value"] = claim.quantity.value
        if claim.quantity.unit:
            stated["unitText"] = claim.quantity.unit
    if v.interval is not None:
        if v.interval.low is not None:
            stated["minValue"] = v.interval.low
        if v.interval.high is not None:
            stated["maxValue"] = v.interval.high
        stated["description"] = f"holds if the source says {interval_text(v)}"
    return stated


def _dataset(e: Evidence) -> dict[str, Any]:
    dataset: dict[str, Any] = {
        "@type": "Dataset",
        "name": f"{e.source}: {e.series}",
        "identifier": e.series,
        "url": e.url,
        "temporalCoverage": _iso_interval(e.period),
        "spatialCoverage": [{"@type": "Place", "identifier": code} for code in (e.place, e.partner) if code],
        "variableMeasured": {"@type": "PropertyValue", "name": e.series, "value": e.value, "unitText": e.unit},
    }
    if e.publisher:
        dataset["publisher"] = {"@type": "Organization", "name": e.publisher}
    if e.license:
        dataset["license"] = e.license
    if e.vintage:
        dataset["version"] = e.vintage
    return dataset


def _iso_interval(period: Period) -> str:
    return period.start.isoformat() if period.start == period.end else f"{period.start.isoformat()}/{period.end.isoformat()}"
