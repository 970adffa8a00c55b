"""`--format md`: a Markdown summary to post as a pull-request comment.

Findings come first in a table; supported claims fold into a <details>
block so that a long article does not bury what needs attention.

Everything from an article or a source is untrusted. Each cell is one line
(so no block syntax can start), and every character that has an inline
meaning in GitHub's Markdown is backslash-escaped: code, emphasis,
strikethrough, links and images, HTML tags and entities, table cells and
`$` math ("$100 … $200" would otherwise render as a formula). "@name" gets
an invisible word joiner, so quoting an article never notifies a GitHub user.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from ..models import Document, Report, Verdict
from .html import safe_href
from .verdicts import STATUS_ICONS, STATUS_ORDER, evidence_summary, interval_text, note_where, set_aside, summary_line, where

_INLINE = re.compile(r"([\\`*_\[\]<>|&~$])")
_MENTION = re.compile(r"@(?=\w)")


def escape(text: str) -> str:
    text = " ".join(text.split())
    text = _INLINE.sub(r"\\\1", text)
    return _MENTION.sub("@\u2060", text)


def render(report: Report, documents: Mapping[str, Document] | None = None, **_: Any) -> str:
    stats = report.stats
    counts = {"contradicted": stats.contradicted, "unverifiable": stats.unverifiable, "supported": stats.supported}
    lines = [f"### verifier: {escape(summary_line(counts, stats.documents, report.verdicts))}", ""]
    ordered = sorted(report.verdicts, key=lambda v: STATUS_ORDER.index(v.status))
    aside = [v for v in ordered if v.status != "supported" and set_aside(v)]
    attention = [v for v in ordered if v.status != "supported" and not set_aside(v)]
    supported = [v for v in ordered if v.status == "supported"]
    if attention:
        lines += _table(attention)
    if aside:
        lines += ["", f"<details><summary>{len(aside)} ignored or already in the baseline</summary>", ""]
        lines += _table(aside)
        lines += ["", "</details>"]
    if supported:
        lines += ["", f"<details><summary>{len(supported)} supported claim{'s' if len(supported) != 1 else ''}</summary>", ""]
        lines += _table(supported)
        lines += ["", "</details>"]
    if report.notes:
        lines += ["", *(f"- **note** {escape(note_where(n))} {escape(n.code)}: {escape(n.message)}" for n in report.notes)]
    lines += ["", _footer(report)]
    return "\n".join(lines) + "\n"


def _table(verdicts: list[Verdict]) -> list[str]:
    rows = ["| | where | the text says | the source says | verdict |", "| --- | --- | --- | --- | --- |"]
    for v in verdicts:
        source = escape(evidence_summary(v)) or "—"
        if link := _link(v):
            source += f" [query]({link})"
        if interval := interval_text(v):
            source += f"<br>claim holds for {escape(interval)}"
        rows.append(
            f"| {STATUS_ICONS[v.status]} | {escape(where(v))} | {escape(v.claim.text)} | {source} "
            f"| **{escape(v.status)}** {escape(v.code)}: {escape(v.message)}"
            + (f"<br>*{escape(aside)}*" if (aside := set_aside(v)) else "")
            + " |"
        )
    return rows


def _link(v: Verdict) -> str | None:
    url = next((e.url for e in v.evidence if safe_href(e.url)), None)
    if url is None:
        return None
    # Inside "(...)" a link destination ends at a space or unbalanced ")";
    # escaping them (and "<>" and "|", which would end the table cell) keeps the URL whole.
    return quote(url, safe=":/?#[]@!$&'*+,;=%~-._")


def _footer(report: Report) -> str:
    sources = ", ".join(report.run.sources) or "none"
    return escape(f"verifier {report.run.version} · sources: {sources} · {report.run.duration_s:.2f} s").join(("<sub>", "</sub>"))
