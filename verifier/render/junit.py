"""`--format junit`: JUnit XML, which every CI server can show as a test report.

One testsuite per document, one testcase per claim. A verdict at or above the
run's failing level (`--fail-on`, as for the exit code; a config's per-file
`fail_on` for its document) is a `<failure>`; an
unverifiable claim below it is `<skipped>` (not checked, not passed); the
rest pass. Built with ElementTree, which escapes text and attributes.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from typing import Any

from ..judge.levels import fails
from ..models import Document, Report, Verdict
from .verdicts import evidence_summary, interval_text, one_line, set_aside, where

# Characters XML 1.0 cannot carry at all, even escaped; ElementTree would
# write them and leave a file no parser reads.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def failing(v: Verdict, fail_on: str) -> bool:
    return fails(v, fail_on)


def render(
    report: Report,
    documents: Mapping[str, Document] | None = None,
    *,
    fail_on: str = "error",
    fail_on_by_document: Mapping[str, str] | None = None,
    **_: Any,
) -> str:
    paths = list(dict.fromkeys([*report.run.documents, *(v.document for v in report.verdicts)]))
    by_path: dict[str, list[Verdict]] = {p: [] for p in paths}
    for v in report.verdicts:
        by_path[v.document].append(v)

    root = ET.Element("testsuites", name="verifier")
    totals = {"tests": 0, "failures": 0, "skipped": 0}
    for path, verdicts in by_path.items():
        suite = ET.SubElement(root, "testsuite", name=clean(path), timestamp=report.run.started.isoformat(timespec="seconds"))
        properties = ET.SubElement(suite, "properties")
        for name, value in (("lang", report.run.lang.get(path)), ("published", report.run.published.get(path))):
            if value:
                ET.SubElement(properties, "property", name=name, value=str(value))
        counts = {"tests": len(verdicts), "failures": 0, "skipped": 0}
        threshold = (fail_on_by_document or {}).get(path, fail_on)
        for v in verdicts:
            outcome = _testcase(suite, v, threshold)
            if outcome:
                counts[outcome] += 1
        suite.attrib.update({k: str(n) for k, n in counts.items()} | {"errors": "0"})
        for k in totals:
            totals[k] += counts[k]
    root.attrib.update({k: str(n) for k, n in totals.items()} | {"errors": "0", "time": f"{report.run.duration_s:.3f}"})
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _testcase(suite: ET.Element, v: Verdict, fail_on: str) -> str | None:
    claim = v.claim
    case = ET.SubElement(
        suite,
        "testcase",
        name=clean(f"{claim.id} {claim.span.line}:{claim.span.column} {one_line(claim.text)}"),
        classname=clean(v.document),
        file=clean(v.document),
        line=str(claim.span.line),
    )
    details = "\n".join(
        line
        for line in (
            f"{where(v)} {v.status} ({v.code}, {v.level})",
            f"Sentence: {one_line(claim.sentence)}",
            f"Claim interval: {interval_text(v)}" if v.interval else None,
            f"Set aside: {set_aside(v)}" if set_aside(v) else None,
            f"Source: {evidence_summary(v)}" if v.evidence else None,
            *(f"Query: {url}" for url in list(dict.fromkeys(e.url for e in v.evidence))[:3]),
        )
        if line
    )
    if failing(v, fail_on):
        element = ET.SubElement(case, "failure", message=clean(v.message), type=v.code)
        element.text = clean(details)
        return "failures"
    if v.status == "unverifiable":
        ET.SubElement(case, "skipped", message=clean(f"{v.code}: {v.message}"))
    ET.SubElement(case, "system-out").text = clean(details)
    return "skipped" if v.status == "unverifiable" else None
