"""`--format github`: GitHub Actions workflow commands, one annotation per finding.

`::error file=…,line=…,col=…,title=…::message` puts the message on the
article's line in a pull request. Levels map to the three annotation kinds
(suggestion -> notice); `info` verdicts (supported claims) are not annotated,
since GitHub shows only a handful of annotations per step and those should be
the ones that need a person.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..models import Document, Note, Report, Verdict
from .verdicts import findings, one_line

COMMANDS = {"error": "error", "warning": "warning", "suggestion": "notice"}


def escape_data(text: str) -> str:
    # The runner decodes exactly these (actions/toolkit's escapeData); a raw
    # newline would end the command and let article text start a new one.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report, documents: Mapping[str, Document] | None = None, **_: Any) -> str:
    commands = [_command(v) for v in findings(report.verdicts)]
    commands += [_note(n) for n in report.notes if n.level != "info"]
    return "".join(c + "\n" for c in commands)


def _command(v: Verdict) -> str:
    properties = {
        "file": v.document,
        "line": str(v.claim.span.line),
        "col": str(v.claim.span.column),
        "title": f"verifier: {v.status} ({v.code})",
    }
    if v.document == "-":
        # Text from stdin is no file of the repository: annotate the run itself.
        properties = {"title": properties["title"]}
    return _workflow_command(v.level, properties, f"“{one_line(v.claim.text)}”: {v.message}")


def _note(n: Note) -> str:
    properties = {"file": n.document, "line": str(n.line), "col": str(n.column), "title": f"verifier: {n.code}"}
    if n.document == "-":
        properties = {"title": properties["title"]}
    return _workflow_command(n.level, properties, n.message)


def _workflow_command(level: str, properties: dict[str, str], message: str) -> str:
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{COMMANDS[level]} {props}::{escape_data(message)}"
