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

from ..models import Document, Report, Verdict
from .verdicts import findings, one_line

COMMANDS = {"error": "error", "warning": "warning", "suggestion": "notice"}


def escape_data(text: str) -> str:
    # The runner decodes exactly these (actions/toolkit's escapeData); a raw
    # newline would end the command and let article text start a new one.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report, documents: Mapping[str, Document] | None = None, **_: Any) -> str:
    return "".join(_command(v) + "\n" for v in findings(report.verdicts))


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
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    message = f"“{one_line(v.claim.text)}”: {v.message}"
    return f"::{COMMANDS[v.level]} {props}::{escape_data(message)}"
