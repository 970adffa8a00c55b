"""The main text of an HTML page, and what its markup says about the article.

The standard library's tokenizer, not a content-extraction library: the
article's text has to come out as plain, predictable text whose offsets the
report's spans index, and news pages mark their main text well enough
(`<article>`, else `<main>`, else the body). A readability-style library
(trafilatura and the like) would bring lxml and a dozen dependencies and
rewrite the text in ways we could not map back.

Left out: scripts, styles, navigation, asides, footers, forms, the page
header outside the article, and anything hidden (`hidden`, `aria-hidden`,
`display: none`). Blocks (paragraphs, headings, list items...) become
paragraphs separated by a blank line; whitespace inside a block is collapsed
as a browser would, except in `<pre>`.

Comments are dropped too, except editorial directives
(`<!-- verifier: ignore CODE — reason -->`, `off`, `on`) in the main text:
they stay in the extracted text where they stood, so that they cover the
paragraph that follows there as in Markdown, and `Extracted.comments` says
where they are, so that text which merely reads like a comment is not taken
for one.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from .directives import is_directive

SKIP = frozenset(
    "script style noscript template svg math head nav aside footer form button select textarea iframe object embed dialog".split()
)
BLOCK = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre table tr section article main header figure figcaption hr address details summary".split()
)
VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
# A <br> inside a block (newlines in the source are only whitespace). Pages
# with NUL bytes are refused as binary before parsing; a stray one past that
# check would only add a line break.
_BR = "\x00"
# Around a directive comment until the text is assembled, to find its offset
# there; the same characters in the page's own text are dropped (no article
# has them, and left in they would fake a comment's bounds).
_OPEN, _CLOSE = "\x01", "\x02"
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_PUBLISHED_META = ("article:published_time", "datepublished", "date", "dc.date", "dc.date.issued", "pubdate", "publish-date")


@dataclass
class Extracted:
    text: str
    title: str | None = None
    lang: str | None = None
    published: dt.date | None = None
    # Offsets in `text` of the comments that were comments in the source
    # (None: the source had no markup to tell them apart, as in Word).
    comments: list[int] | None = None


@dataclass
class _Block:
    parts: list[str] = field(default_factory=list)
    region: int = 0  # 2 inside <article>, 1 inside <main>, 0 elsewhere
    pre: bool = False


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped)
        self.blocks: list[_Block] = []
        self.current = _Block()
        self.lang: str | None = None
        self.title_parts: list[str] | None = None
        self.title: str | None = None
        self.meta: dict[str, str] = {}
        self.time_datetime: str | None = None

    # --- state ---------------------------------------------------------------

    def _skipped(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def _region(self) -> int:
        tags = {t for t, _ in self.stack}
        if "article" in tags:
            return 2
        if "main" in tags:
            return 1
        return 0

    def _in(self, tag: str) -> bool:
        return any(t == tag for t, _ in self.stack)

    def _break(self) -> None:
        if any(p.strip() for p in self.current.parts):
            self.blocks.append(self.current)
        self.current = _Block(region=self._region(), pre=self._in("pre"))

    # --- tokens --------------------------------------------------------------

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if tag == "html" and a.get("lang"):
            self.lang = a["lang"]
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and a.get("content"):
                self.meta.setdefault(key, a["content"])
        if tag == "time" and a.get("datetime") and self.time_datetime is None and self._region() == 2:
            self.time_datetime = a["datetime"]
        if tag == "title" and not self._in("svg"):
            self.title_parts = []
        if tag in VOID:
            if tag == "br" and not self._skipped():
                self.current.parts.append(_BR)
            return
        hidden = "hidden" in a or a.get("aria-hidden") == "true" or bool(_HIDDEN_STYLE.search(a.get("style", "")))
        # The page's own header (site name, menu) is chrome; an article's header holds its headline.
        chrome_header = tag == "header" and self._region() < 2
        skipped = self._skipped() or tag in SKIP or hidden or chrome_header
        if tag in BLOCK:
            self._break()
        self.stack.append((tag, skipped))
        if tag in BLOCK or tag in ("article", "main"):
            self.current = _Block(region=self._region(), pre=self._in("pre"))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag == "title" and self.title_parts is not None:
            self.title = " ".join("".join(self.title_parts).split()) or None
            self.title_parts = None
        if not any(t == tag for t, _ in self.stack):
            return  # a stray end tag: browsers ignore it too
        if tag in BLOCK:
            self._break()
        while self.stack:
            if self.stack.pop()[0] == tag:
                break
        if tag in BLOCK:
            self.current = _Block(region=self._region(), pre=self._in("pre"))

    def handle_data(self, data):
        if self.title_parts is not None:
            self.title_parts.append(data)
            return
        if not self._skipped():
            self.current.parts.append(data.replace(_OPEN, "").replace(_CLOSE, ""))

    def handle_comment(self, data):
        if self.title_parts is None and not self._skipped() and is_directive(data):
            self.current.parts.append(f"{_OPEN}<!--{data.replace(_OPEN, '').replace(_CLOSE, '')}-->{_CLOSE}")

    def close(self):
        super().close()
        self._break()


def extract(html: str) -> Extracted:
    parser = _Parser()
    parser.feed(html)
    parser.close()
    best = max((b.region for b in parser.blocks), default=0)
    paragraphs = [_block_text(b) for b in parser.blocks if b.region == best]
    text, comments = _unmark("\n\n".join(p for p in paragraphs if p))
    og_title = parser.meta.get("og:title")
    return Extracted(
        text=text + "\n" if text else "",
        title=og_title or parser.title,
        lang=parser.lang or parser.meta.get("language") or parser.meta.get("content-language"),
        published=_published(parser),
        comments=comments,
    )


def _unmark(marked: str) -> tuple[str, list[int]]:
    """The text without the directive markers, and where each directive starts in it."""
    pieces, starts = marked.split(_OPEN), []
    text = pieces[0]
    for piece in pieces[1:]:
        starts.append(len(text))
        text += piece.replace(_CLOSE, "", 1)
    return text, starts


def _block_text(block: _Block) -> str:
    raw = "".join(block.parts)
    if block.pre:
        return raw.replace(_BR, "\n").strip("\n")
    lines = [" ".join(line.split()) for line in raw.split(_BR)]
    return "\n".join(line for line in lines if line)


def _published(parser: _Parser) -> dt.date | None:
    candidates = [parser.meta.get(k) for k in _PUBLISHED_META] + [parser.time_datetime]
    for value in candidates:
        if value and (m := _DATE.match(value.strip())):
            try:
                return dt.date.fromisoformat(m.group(0))
            except ValueError:
                continue
    return None
