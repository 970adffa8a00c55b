"""`--format sarif`: SARIF 2.1.0, the format code-scanning dashboards read.

One run, one rule per verdict code (the whole catalogue, so rule indices do
not depend on which codes a run happened to produce), one result per verdict;
then the rule for notes on the documents (`unused-ignore`: an ignore
directive that ignored nothing), one result per note, at the note's level.

How verdicts map onto SARIF's `kind` and `level`: the spec lets only a `fail`
result carry a severity (§3.27.9: any other kind has level `none`), and our
levels are what decides a build, per code and configurable. So every verdict
above `info` is a `fail` at its level (suggestion -> note); an `info` verdict
is a `pass` when supported, else `review` (a person has to look).

Columns count Unicode code points, as the report's spans do, and the run says
so (`columnKind`); SARIF's default would be UTF-16 code units.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from pathlib import PureWindowsPath
from typing import Any
from urllib.parse import quote

from ..ci.baseline import fingerprint
from ..codes import CODES
from ..models import Document, Note, Report, Verdict
from .verdicts import end_position, evidence_summary, interval_text

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_WINDOWS_ABSOLUTE = re.compile(r"^[A-Za-z]:[\\/]")
LEVELS = {"error": "error", "warning": "warning", "suggestion": "note", "info": "none"}
NOTE_RULES = {"unused-ignore": "An ignore directive ignored no verdict: stale, or its code is not the one the paragraph gets."}


def render(report: Report, documents: Mapping[str, Document] | None = None, **_: Any) -> str:
    documents = documents or {}
    rules = list(CODES.values())
    rule_index = {c.code: i for i, c in enumerate(rules)}
    paths = list(dict.fromkeys([*report.run.documents, *(v.document for v in report.verdicts)]))
    artifact_index = {p: i for i, p in enumerate(paths)}
    run = {
        "tool": {
            "driver": {
                "name": "verifier",
                "version": report.run.version,
                "rules": [
                    {
                        "id": c.code,
                        "shortDescription": {"text": c.summary},
                        "defaultConfiguration": {"level": LEVELS[c.level]},
                        "properties": {"status": c.status},
                    }
                    for c in rules
                ]
                + [
                    {"id": code, "shortDescription": {"text": text}, "defaultConfiguration": {"level": LEVELS["suggestion"]}}
                    for code, text in NOTE_RULES.items()
                ],
            }
        },
        "invocations": [
            {
                "executionSuccessful": True,
                "startTimeUtc": _utc(report.run.started),
                "properties": {"durationSeconds": report.run.duration_s, "sources": report.run.sources},
            }
        ],
        "artifacts": [_artifact(p, report) for p in paths],
        "columnKind": "unicodeCodePoints",
        "results": [_result(v, rule_index, artifact_index, documents) for v in report.verdicts]
        + [_note(n, len(rules) + list(NOTE_RULES).index(n.code), artifact_index) for n in report.notes],
        "properties": {"reportSchemaVersion": report.schema_version, "stats": report.stats.model_dump()},
    }
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _kind_level(v: Verdict) -> tuple[str, str]:
    if v.level != "info":
        return "fail", LEVELS[v.level]
    return ("pass" if v.status == "supported" else "review"), "none"


def _result(v: Verdict, rule_index: dict[str, int], artifact_index: dict[str, int], documents) -> dict[str, Any]:
    kind, level = _kind_level(v)
    span = v.claim.span
    end_line, end_column = end_position(v, documents)
    message = v.message
    if summary := evidence_summary(v):
        message += f" Source: {summary}."
    properties: dict[str, Any] = {"status": v.status, "claim": v.claim.model_dump(mode="json")}
    if v.interval is not None:
        properties["interval"] = v.interval.model_dump(mode="json")
        properties["intervalText"] = interval_text(v)
    properties["evidence"] = [e.model_dump(mode="json") for e in v.evidence]
    return {
        "ruleId": v.code,
        "ruleIndex": rule_index[v.code],
        "kind": kind,
        "level": level,
        "message": {"text": message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": file_uri(v.document), "index": artifact_index[v.document]},
                    "region": {
                        "startLine": span.line,
                        "startColumn": span.column,
                        "endLine": end_line,
                        "endColumn": end_column,
                        "snippet": {"text": v.claim.text},
                    },
                }
            }
        ],
        # Stable across runs and line moves (not the position): lets a
        # dashboard tell a new finding from one it has seen.
        "partialFingerprints": {"claim/v1": _fingerprint(v)},
        **_suppression(v),
        "properties": properties,
    }


def _note(n: Note, rule: int, artifact_index: dict[str, int]) -> dict[str, Any]:
    kind, level = ("fail", LEVELS[n.level]) if n.level != "info" else ("review", "none")
    location = {"uri": file_uri(n.document)}
    if n.document in artifact_index:
        location["index"] = artifact_index[n.document]
    return {
        "ruleId": n.code,
        "ruleIndex": rule,
        "kind": kind,
        "level": level,
        "message": {"text": n.message},
        "locations": [{"physicalLocation": {"artifactLocation": location, "region": {"startLine": n.line, "startColumn": n.column}}}],
    }


def _suppression(v: Verdict) -> dict[str, Any]:
    """SARIF's own words for an editor's ignore directive (an in-source
    suppression with its justification) and for a baseline comparison."""
    out: dict[str, Any] = {}
    if v.ignored is not None:
        out["suppressions"] = [{"kind": "inSource", "status": "accepted", "justification": v.ignored.reason}]
    if v.baseline is not None:
        out["baselineState"] = v.baseline
    return out


def _artifact(path: str, report: Report) -> dict[str, Any]:
    artifact: dict[str, Any] = {"location": {"uri": file_uri(path)}, "roles": ["analysisTarget"]}
    properties = {}
    if lang := report.run.lang.get(path):
        properties["lang"] = lang
    if published := report.run.published.get(path):
        properties["published"] = published.isoformat()
    if properties:
        artifact["properties"] = properties
    return artifact


def file_uri(path: str) -> str:
    """A document path as a URI reference: relative paths stay relative (GitHub
    resolves them against the repository), with spaces and non-ASCII escaped.
    `quote` also escapes ":", so "a:b.txt" cannot be read as a URI scheme."""
    if _WINDOWS_ABSOLUTE.match(path):
        return "file:///" + quote(PureWindowsPath(path).as_posix(), safe="/:")
    if path.startswith("/"):
        return "file://" + quote(path)
    return quote(path)


def _fingerprint(v: Verdict) -> str:
    return fingerprint(v)


def _utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
