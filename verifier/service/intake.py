"""A request body turned into the draft to check, read as the CLI reads a file.

Accepted: JSON `{text, lang?, published?, title?}`; a plain-text, Markdown,
HTML or .docx body; a multipart form with a `file` (.txt/.md/.html/.docx) or
a `text` field. `lang`, `published` and `title` may also be given in the
query string, for any body; the body's own values win. Only the text and its
metadata come from the request: nothing in it names a source or a URL to
fetch, and reading HTML or .docx fetches nothing.

`read` only takes the body apart (cheap, on the event loop); `Draft.document`
does the decoding, HTML/.docx extraction and language detection, and runs
with the check, off the loop.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from pathlib import PurePosixPath

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.datastructures import UploadFile
from starlette.requests import Request

from ..errors import DocumentError
from ..models import Document
from ..read.documents import from_bytes, from_text, parse_date
from ..read.files import ARTICLE_SUFFIXES
from .problems import ServiceError, describe

# The schema says as much as a pattern can, so that a client (or a schema
# fuzzer) sending what it allows is not refused; a date such as 2024-02-30
# is still refused (422) when read. Empty means not given, as a form's blank field.
DATE_PATTERN = r"^([1-9]\d{3}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
LANG_PATTERN = r"^((fr|en|es|de|FR|EN|ES|DE)([-_][A-Za-z0-9]{1,8})*)?$"
TEXT_PATTERN = r"\S"
TEXT_NAME = "draft"
# Raw bodies: media type -> the name the document gets (its suffix says how to read it).
RAW_TYPES = {
    "text/plain": "draft.txt",
    "text/markdown": "draft.md",
    "text/x-markdown": "draft.md",
    "text/html": "draft.html",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "draft.docx",
}
JSON_TYPE = "application/json"
FORM_TYPE = "multipart/form-data"
_NAME_UNSAFE = re.compile(r"[\x00-\x1f\x7f]")


class CheckRequest(BaseModel):
    """A draft sent as JSON."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str = Field(
        min_length=1, pattern=TEXT_PATTERN, description="the article: plain text or Markdown (front matter and a `date 2024-02` first line are read)"
    )
    lang: str | None = Field(default=None, max_length=35, pattern=LANG_PATTERN, description="fr, en, es or de (default: the text's metadata, else detected)")
    published: str | None = Field(default=None, pattern=DATE_PATTERN, description="publication date, YYYY-MM-DD or YYYY-MM (default: the text's metadata)")
    title: str | None = Field(default=None, max_length=500)


class Draft(BaseModel):
    """A draft as received: its content (text, or a file's bytes named so
    that its suffix says how to read it) and what the request said about it."""

    model_config = ConfigDict(frozen=True)

    name: str
    text: str | None = None
    data: bytes | None = None
    lang: str | None = None
    published: dt.date | None = None
    title: str | None = None
    default_lang: str | None = None

    def document(self) -> Document:
        """Raises DocumentError."""
        options = {"lang": self.lang, "published": self.published, "title": self.title, "default_lang": self.default_lang}
        if self.text is not None:
            return from_text(self.text, self.name, **options)
        return from_bytes(self.data or b"", self.name, **options)


class Metadata(BaseModel):
    """What a raw body or a form may say about the draft besides its content."""

    model_config = ConfigDict(frozen=True)

    lang: str | None = Field(default=None, max_length=35, pattern=LANG_PATTERN)
    published: str | None = Field(default=None, pattern=DATE_PATTERN)
    title: str | None = Field(default=None, max_length=500)


def media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


async def read(request: Request, *, max_body_bytes: int, default_lang: str | None = None) -> tuple[Draft, Mapping[str, str]]:
    """The draft a request carries, and the form's other fields (the page
    sends its token as one). `default_lang` is the project's configured
    language, used when the draft does not say. Raises ServiceError (415, 422)."""
    kind = media_type(request)
    # Metadata may come in the query string with any body; the body's own wins.
    query = _metadata(request.query_params)
    try:
        if kind == JSON_TYPE or kind.endswith("+json"):
            return _from_json(await request.body(), query, default_lang), {}
        if kind in RAW_TYPES:
            return _draft(RAW_TYPES[kind], query, default_lang, data=await request.body()), {}
        if kind == FORM_TYPE:
            return await _from_form(request, max_body_bytes, query, default_lang)
    except DocumentError as exc:
        raise ServiceError(422, str(exc)) from None
    accepted = ", ".join([JSON_TYPE, *RAW_TYPES, FORM_TYPE])
    raise ServiceError(415, f"unsupported content type {kind or '(none)'!r}: send one of {accepted}")


def _from_json(body: bytes, query: Metadata, default_lang: str | None) -> Draft:
    try:
        req = CheckRequest.model_validate_json(body)
    except ValidationError as exc:
        raise ServiceError(422, describe(exc.errors())) from None
    meta = Metadata(lang=req.lang or query.lang, published=req.published or query.published, title=req.title or query.title)
    return _draft(TEXT_NAME, meta, default_lang, text=req.text)


async def _from_form(request: Request, max_body_bytes: int, query: Metadata, default_lang: str | None) -> tuple[Draft, Mapping[str, str]]:
    # The body limit already bounds the whole form; these bound its shape.
    form = await request.form(max_files=1, max_fields=8, max_part_size=max_body_bytes)
    fields = {k: v for k, v in form.items() if isinstance(v, str)}
    given = _metadata(fields)
    meta = Metadata(lang=given.lang or query.lang, published=given.published or query.published, title=given.title or query.title)
    upload = form.get("file")
    text = fields.get("text", "")
    # A browser sends an empty file part when no file was chosen.
    has_file = isinstance(upload, UploadFile) and bool(upload.filename)
    if has_file and text.strip():
        raise ServiceError(422, "give either text or a file, not both")
    if has_file:
        name = upload_name(upload.filename)
        return _draft(name, meta, default_lang, data=await upload.read()), fields
    if not text.strip():
        raise ServiceError(422, "no draft: paste its text or choose a file")
    return _draft(TEXT_NAME, meta, default_lang, text=text), fields


def upload_name(filename: str) -> str:
    """The uploaded file's own name (no directories, no control characters),
    kept as the document's name; its suffix says how it is read."""
    name = PurePosixPath(filename.replace("\\", "/")).name
    name = _NAME_UNSAFE.sub("", name)[-200:]
    if not name.lower().endswith(ARTICLE_SUFFIXES):
        raise ServiceError(415, f"{name or 'the upload'}: not an article file (accepted: {', '.join(ARTICLE_SUFFIXES)})")
    return name


def _metadata(values: Mapping[str, str]) -> Metadata:
    try:
        return Metadata.model_validate({k: values.get(k) or None for k in ("lang", "published", "title")})
    except ValidationError as exc:
        raise ServiceError(422, describe(exc.errors())) from None


def _draft(name: str, meta: Metadata, default_lang: str | None, **content) -> Draft:
    """Raises DocumentError for a date that does not exist (2024-02-30)."""
    published = parse_date(meta.published) if meta.published else None
    return Draft(name=name, lang=meta.lang or None, published=published, title=meta.title or None, default_lang=default_lang, **content)
