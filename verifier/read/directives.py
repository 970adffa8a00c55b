"""Editorial controls written in the text, as HTML comments (invisible once
the Markdown is published):

    <!-- verifier: ignore value-mismatch — figure confirmed with the ministry -->
    <!-- verifier off -->  …  <!-- verifier on -->

`ignore` takes one or more verdict codes and a reason after a dash (—, –,
-- or " - "); it covers the paragraph that follows it. The reason is
required: a suppression nobody can explain later is how wrong figures get
published. `off` stops checking until `on` (or the end of the text).

A malformed directive is an error naming the file and line, never passed
over: a typo in a code would otherwise silently suppress nothing.

In an HTML page only real comments are directives: the reader keeps them in
the extracted text and says where (`comments`), so an article that quotes a
directive as text (`&lt;!-- verifier off --&gt;`) is checked as written.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field

from ..codes import CODES
from ..errors import DocumentError
from ..models import Ignore

_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
_DIRECTIVE = re.compile(r"\s*verifier\b:?\s*(.*?)\s*\Z", re.S | re.I)
_IGNORE = re.compile(
    r"ignore\s+(?P<codes>[A-Za-z][A-Za-z0-9-]*(?:[\s,]+[A-Za-z][A-Za-z0-9-]*)*)\s*(?:(?:—|–|--|(?<=\s)-\s)\s*(?P<reason>.*))?\Z",
    re.S | re.I,
)
_BLANK_LINE = re.compile(r"\n[ \t]*\r?\n")
EXAMPLE = "<!-- verifier: ignore value-mismatch — figure confirmed with the ministry -->"


@dataclass
class Directives:
    ignores: list[Ignore] = field(default_factory=list)
    skipped: list[tuple[int, int]] = field(default_factory=list)  # the directives and the regions turned off


def is_directive(comment: str) -> bool:
    """Whether the body of an HTML comment (between `<!--` and `-->`) is addressed to verifier."""
    return _DIRECTIVE.match(comment) is not None


def parse(text: str, path: str, start: int = 0, comments: Collection[int] | None = None) -> Directives:
    """The directives in `text` from offset `start` (after any front matter);
    with `comments`, only those starting at these offsets. Every comment is
    skipped, directive or not. Raises DocumentError."""
    found, notes = [], []
    for m in _COMMENT.finditer(text, start):
        if comments is not None and m.start() not in comments:
            continue
        if d := _DIRECTIVE.match(m[1]):
            found.append((m.start(), m.end(), " ".join(d[1].split())))
        else:
            notes.append((m.start(), m.end()))  # an editor's note, never published: no claims in it
    out = Directives(skipped=notes)
    off_since: int | None = None
    for i, (a, b, body) in enumerate(found):
        line = text.count("\n", 0, a) + 1
        where = f"{path}:{line}"
        out.skipped.append((a, b))
        command = body.lower()
        if command == "off":
            off_since = a if off_since is None else off_since
        elif command == "on":
            if off_since is not None:
                out.skipped.append((off_since, b))
                off_since = None
        elif command.startswith("ignore"):
            out.ignores.append(_ignore(text, body, where, line, b, found[i + 1 :]))
        else:
            raise DocumentError(f"{where}: unknown verifier directive {body!r}; write 'ignore CODE — reason', 'off' or 'on'")
    if off_since is not None:
        out.skipped.append((off_since, len(text)))
    out.skipped = _merge(out.skipped)
    return out


def _ignore(text: str, body: str, where: str, line: int, end: int, later: list[tuple[int, int, str]]) -> Ignore:
    m = _IGNORE.match(body)
    if not m:
        raise DocumentError(f"{where}: 'verifier: ignore' needs verdict codes and a reason, as in {EXAMPLE}")
    codes = [c for c in re.split(r"[\s,]+", m["codes"]) if c]
    for code in codes:
        if code not in CODES:
            raise DocumentError(f"{where}: unknown verdict code {code!r} in 'verifier: ignore' (see docs/codes.md)")
    reason = (m["reason"] or "").strip()
    if not reason:
        raise DocumentError(f"{where}: 'verifier: ignore {', '.join(codes)}' needs a reason after a dash, as in {EXAMPLE}")
    start, stop = _next_paragraph(text, end, later)
    return Ignore(codes=codes, reason=reason, line=line, start=start, end=stop)


def _next_paragraph(text: str, pos: int, later: list[tuple[int, int, str]]) -> tuple[int, int]:
    """The paragraph after offset `pos`: from the next text that is not
    whitespace or another directive (stacked directives share a paragraph)
    to the next blank line."""
    comments = {a: b for a, b, _ in later}
    while True:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if pos in comments:
            pos = comments[pos]
            continue
        break
    blank = _BLANK_LINE.search(text, pos)
    return pos, blank.start() if blank else len(text)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


