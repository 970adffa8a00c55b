"""`--format line`: one finding per line, `path:line:col:code:message`.

The shape editors' tools and prose linters (Vale's `line` output) already
parse. Only findings above `info` are listed, so a clean run prints nothing
and `wc -l` counts the problems."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..models import Document, Report
from .verdicts import findings, one_line, where


def render(report: Report, documents: Mapping[str, Document] | None = None, **_: Any) -> str:
    return "".join(f"{where(v)}:{v.code}:{one_line(v.message)}\n" for v in findings(report.verdicts))
