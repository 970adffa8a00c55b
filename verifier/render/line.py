"""`--format line`: one finding per line, `path:line:col:code:message`.

The shape editors' tools and prose linters (Vale's `line` output) already
parse. Only findings above `info` are listed, so a clean run prints nothing
and `wc -l` counts the problems; notes on the documents (an ignore directive
that ignored nothing) follow them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..models import Document, Report
from .verdicts import findings, note_where, one_line, where


def render(report: Report, documents: Mapping[str, Document] | None = None, **_: Any) -> str:
    lines = [f"{where(v)}:{v.code}:{one_line(v.message)}" for v in findings(report.verdicts)]
    lines += [f"{note_where(n)}:{n.code}:{one_line(n.message)}" for n in report.notes if n.level != "info"]
    return "".join(line + "\n" for line in lines)
