"""Read an input into a Document: decode it, find its metadata, mark what is not article text.

Metadata comes from, in order of precedence: the caller (`--published`,
`--lang`), Markdown front matter (`date`, `lang`, `title`), or a first-line
header of the form `date 2024-02` (the seed's own form). A month-only date is
valid: it stands for that month, and relative expressions are resolved
against it. Editorial directives (`verifier.read.directives`) are read here too.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection
from functools import cache
from pathlib import Path

from ..errors import DocumentError
from ..models import Document
from ..phrases import SUPPORTED
from .directives import parse as parse_directives

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_FRONT_KEY = re.compile(r"^\s*([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")
_HEADER = re.compile(r"\A\s*date[ \t]+(\d{4}-\d{2}(?:-\d{2})?)\b[ \t]*")
_DATE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")


def detect_language(text: str) -> str:
    """The most likely of the supported languages. An article in one of them
    is told apart by its function words at once; only a text they leave
    undecided pays for py3langid's model (0.3-0.7 s to load), restricted to
    the supported languages so a short French text is never read as Catalan."""
    if (clear := _by_function_words(text[:5000])) is not None:
        return clear
    import py3langid

    _restrict_languages()
    return py3langid.classify(text[:5000])[0]


# Frequent words that belong to one of the languages only ("que", "en", "la"
# are shared and left out). A verdict needs many hits and a wide lead.
_FUNCTION_WORDS = {
    "fr": "le les du et est une dans pour qui sur pas au aux ont été sont avec par ces cette",
    "en": "the and of to is that for with was were has have from by which this are it",
    "es": "el los las del y por con para es se al lo como fue más sus este esta",
    "de": "der die das und ist den dem nicht mit von für auf ein eine im sich wird zu",
}
_WORD_LANG = {w: lang for lang, words in _FUNCTION_WORDS.items() for w in words.split()}


def _by_function_words(text: str) -> str | None:
    counts = dict.fromkeys(_FUNCTION_WORDS, 0)
    for word in re.findall(r"[^\W\d_]+", text.lower()):
        if (lang := _WORD_LANG.get(word)) is not None:
            counts[lang] += 1
    (best, first), (_, second) = sorted(counts.items(), key=lambda kv: kv[1], reverse=True)[:2]
    return best if first >= 8 and first >= 3 * second else None


@cache
def _restrict_languages() -> None:
    # Once per process: restricting rebuilds the model's tables (1.5 ms a
    # call), and redoing it while another thread classifies (the service
    # checks in threads) would swap the tables under that thread.
    import py3langid

    py3langid.set_languages(list(SUPPORTED))


def parse_date(value: str) -> dt.date:
    """YYYY-MM-DD or YYYY-MM (the first of that month). Raises DocumentError."""
    text = value.strip().strip("'\"")
    m = _DATE.match(text)
    try:
        if not m:
            raise ValueError
        return dt.date(int(m[1]), int(m[2]), int(m[3] or 1))
    except ValueError:
        raise DocumentError(f"invalid date {value!r}: expected YYYY-MM-DD or YYYY-MM") from None


def decode(data: bytes, path: str) -> str:
    """UTF-8 (with or without BOM); otherwise Latin-1 text, which newsroom
    exports still produce. Binary data (NUL bytes, or control characters no
    text has) is refused rather than decoded into garbage."""
    if not data.strip():
        raise DocumentError(f"{path}: empty file")
    if b"\x00" in data[:8192]:
        raise DocumentError(f"{path}: binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > 0.01 * min(len(text), 8192):
        raise DocumentError(f"{path}: binary file, not text")
    return text


def from_text(
    text: str,
    path: str = "<text>",
    *,
    lang: str | None = None,
    published: dt.date | None = None,
    title: str | None = None,
    default_lang: str | None = None,
    comments: Collection[int] | None = None,
) -> Document:
    """`lang` overrides the text's own metadata; `default_lang` (a project's
    configured language) only stands in when the text has none, before detection.
    `comments`, for text extracted from markup, are the offsets of the
    comments that were real comments there: only those can be directives."""
    skipped: list[tuple[int, int]] = []
    meta: dict[str, str] = {}
    if m := _FRONT_MATTER.match(text):
        for line in m[1].splitlines():
            if km := _FRONT_KEY.match(line):
                meta[km[1].lower()] = km[2].strip("'\"")
        skipped.append((0, m.end()))
    elif m := _HEADER.match(text):
        meta["date"] = m[1]
        skipped.append((0, m.end()))
    if not text[skipped[0][1] if skipped else 0 :].strip():
        raise DocumentError(f"{path}: no article text")

    if published is None and meta.get("date"):
        published = parse_date(meta["date"][:10] if len(meta["date"]) > 10 else meta["date"])
    directives = parse_directives(text, path, skipped[0][1] if skipped else 0, comments)
    return Document(
        path=path,
        text=text,
        lang=_language(lang or meta.get("lang") or default_lang, text, skipped),
        published=published,
        title=title or meta.get("title"),
        skipped=sorted(skipped + directives.skipped),
        ignores=directives.ignores,
    )


def _language(given: str | None, text: str, skipped: list[tuple[int, int]]) -> str:
    if given:
        lang = given.strip().lower().replace("_", "-").split("-")[0]
        if lang not in SUPPORTED:
            raise DocumentError(f"unsupported language {given!r}: expected one of {', '.join(SUPPORTED)}")
        return lang
    body = text[skipped[-1][1] :] if skipped else text
    return detect_language(body)


def load(
    path: str | Path,
    *,
    lang: str | None = None,
    published: dt.date | None = None,
    default_lang: str | None = None,
) -> Document:
    """Read a file (or `-` for stdin) into a Document. Raises DocumentError.

    HTML (.html, .htm, or stdin starting with a doctype or <html>) and Word
    (.docx, or a zip on stdin) are read for their main text: the Document's
    text is then that extracted text, which its spans and line numbers index."""
    name = str(path)
    try:
        if name == "-":
            import sys

            data = sys.stdin.buffer.read()
        else:
            data = Path(path).read_bytes()
    except FileNotFoundError:
        raise DocumentError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise DocumentError(f"{name}: is a directory, not a file") from None
    except OSError as exc:
        raise DocumentError(f"{name}: cannot read ({exc.strerror})") from None
    return from_bytes(data, name, lang=lang, published=published, default_lang=default_lang)


def from_bytes(
    data: bytes,
    name: str,
    *,
    lang: str | None = None,
    published: dt.date | None = None,
    title: str | None = None,
    default_lang: str | None = None,
) -> Document:
    """A file's content, read as `load` reads it: `name`'s suffix says HTML
    or Word, and `-` (content from a pipe or an HTTP body) is sniffed.
    `title` overrides the one the content gives. Raises DocumentError."""
    kind = _kind(name, data)
    if kind == "docx":
        from .docx import extract as extract_docx

        return _from_extracted(extract_docx(data, name), name, lang, published, default_lang, title)
    text = decode(data, name)
    if kind == "html" or (kind == "stdin" and _HTML_START.match(text)):
        from .html import extract as extract_html

        return _from_extracted(extract_html(text), name, lang, published, default_lang, title)
    return from_text(text, name, lang=lang, published=published, title=title, default_lang=default_lang)


_HTML_START = re.compile(r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.I | re.S)


def _kind(name: str, data: bytes) -> str:
    suffix = Path(name).suffix.lower()
    if suffix in (".html", ".htm", ".xhtml"):
        return "html"
    if suffix == ".docx" or (name == "-" and data[:4] == b"PK\x03\x04"):
        return "docx"
    return "stdin" if name == "-" else "text"


def _from_extracted(
    extracted, name: str, lang: str | None, published: dt.date | None, default_lang: str | None, title: str | None = None
) -> Document:
    if not extracted.text.strip():
        raise DocumentError(f"{name}: no article text")
    # A page's declared language is a hint only if verifier supports it ("en-GB" -> en).
    declared = extracted.lang and extracted.lang.strip().lower().replace("_", "-").split("-")[0]
    return from_text(
        extracted.text,
        name,
        lang=lang or (declared if declared in SUPPORTED else None),
        published=published or extracted.published,
        title=title or extracted.title,
        default_lang=default_lang,
        comments=extracted.comments,
    )
