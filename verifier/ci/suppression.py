"""Editorial suppressions applied to a finished set of verdicts: a verdict an
`ignore` directive covers is kept, marked as ignored (it no longer fails the
run), and a directive that ignored nothing becomes a note. The directives
themselves are read with the document (`verifier.read.directives`).
"""

from __future__ import annotations

from ..codes import NOTES
from ..models import Document, Ignore, Note, Verdict


def apply(verdict, ignores: list[Ignore]):
    """The verdict, marked as ignored if a directive covers its claim and code."""
    start = verdict.claim.span.start
    for ignore in ignores:
        if ignore.start <= start < ignore.end and verdict.code in ignore.codes:
            return verdict.model_copy(update={"ignored": ignore})
    return verdict


def unused(document: Document, verdicts: list[Verdict]) -> list[Note]:
    """A note for each ignore directive of `document` with codes that ignored
    no verdict: a stale or mistyped suppression is noise at best, and at
    worst an editor believes a finding was looked at that never was."""
    notes = []
    for ignore in document.ignores:
        matched = {v.code for v in verdicts if v.ignored == ignore}
        idle = [code for code in ignore.codes if code not in matched]
        if not idle:
            continue
        covered = [v.code for v in verdicts if ignore.start <= v.claim.span.start < ignore.end]
        found = f"its verdicts: {', '.join(dict.fromkeys(covered))}" if covered else "it has no claims"
        line_start = 0
        for _ in range(ignore.line - 1):
            line_start = document.text.index("\n", line_start) + 1
        comment = document.text.find("<!--", line_start)
        notes.append(
            Note(
                document=document.path,
                code="unused-ignore",
                line=ignore.line,
                column=comment - line_start + 1 if comment >= 0 else 1,
                message=NOTES["unused-ignore"].format(codes=", ".join(idle), alternatives=" or ".join(idle), found=found),
            )
        )
    return notes
