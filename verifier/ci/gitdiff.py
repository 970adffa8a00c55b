"""`--changed-since REF`: the lines of each file that changed since a git
revision, and the report narrowed to the claims on them.

A line counts as changed when it was added or rewritten since REF (git's
`+` lines, working tree included); a line that only lost a neighbour does
not. A file git does not track yet is new throughout. HTML and Word files
are read for their text, whose lines are not the file's: if such a file
changed at all, every claim in it counts.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Mapping
from pathlib import Path

from ..errors import ConfigError
from ..models import Report, Stats

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.M)
WHOLE_FILE_SUFFIXES = (".html", ".htm", ".xhtml", ".docx")

ALL = None  # every line of the file changed


def changed_lines(paths: list[str], ref: str) -> dict[str, set[int] | None]:
    """For each path, the 1-based line numbers changed since `ref` (ALL for a
    new or whole-file input). Raises ConfigError for stdin, a path outside a
    git work tree, or a revision git does not know."""
    out: dict[str, set[int] | None] = {}
    for path in paths:
        if path == "-":
            raise ConfigError("--changed-since needs files in a git work tree, not stdin")
        file = Path(path)
        folder = str(file.parent)
        _revision(folder, ref)
        if not _tracked(folder, file.name):
            out[path] = ALL
            continue
        diff = _git(folder, "diff", "--no-color", "--no-ext-diff", "--unified=0", ref, "--", file.name)
        if file.suffix.lower() in WHOLE_FILE_SUFFIXES:
            out[path] = ALL if diff.strip() else set()
            continue
        lines: set[int] = set()
        for m in _HUNK.finditer(diff):
            start, count = int(m[1]), int(m[2]) if m[2] is not None else 1
            lines.update(range(start, start + count))
        out[path] = lines
    return out


def narrow(report: Report, changed: Mapping[str, set[int] | None]) -> Report:
    """The report with only the verdicts whose claim is on a changed line, and the notes on one."""

    def kept(v) -> bool:
        lines = changed.get(v.document, ALL)
        if lines is ALL:
            return True
        first = v.claim.span.line
        return any(n in lines for n in range(first, first + v.claim.text.count("\n") + 1))

    verdicts = [v for v in report.verdicts if kept(v)]
    notes = [n for n in report.notes if changed.get(n.document, ALL) is ALL or n.line in changed[n.document]]
    stats = Stats(
        claims=len(verdicts),
        supported=sum(v.status == "supported" for v in verdicts),
        contradicted=sum(v.status == "contradicted" for v in verdicts),
        unverifiable=sum(v.status == "unverifiable" for v in verdicts),
        documents=report.stats.documents,
    )
    return report.model_copy(update={"verdicts": verdicts, "stats": stats, "notes": notes})


def _revision(folder: str, ref: str) -> None:
    if ref.startswith("-"):
        raise ConfigError(f"--changed-since: {ref!r} is not a git revision")
    try:
        _git(folder, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    except ConfigError:
        _git(folder, "rev-parse", "--is-inside-work-tree")  # says "not a git work tree" if that is the reason
        raise ConfigError(f"--changed-since: unknown git revision {ref!r} in {folder}") from None


def _tracked(folder: str, name: str) -> bool:
    try:
        _git(folder, "ls-files", "--error-unmatch", "--", name)
    except ConfigError:
        return False
    return True


def _git(folder: str, *args: str) -> str:
    try:
        done = subprocess.run(["git", "-C", folder, *args], capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise ConfigError("--changed-since needs git, which is not installed") from None
    if done.returncode != 0:
        first = (done.stderr.strip().splitlines() or [f"git {args[0]} failed"])[0]
        raise ConfigError(f"--changed-since: {folder}: {first.removeprefix('fatal: ')}")
    return done.stdout
