"""The text of a Word document (.docx), with python-docx (the `docx` extra).

Body paragraphs and tables in document order: a paragraph per line pair
(blank line between), a table row per line with its cells separated by tabs.
Headers, footers, comments and tracked deletions are not article text.
The document's core properties give the title and language; its creation
date is not taken as the publication date (a draft is written long before
it is published): pass --published, or write a first line `date 2024-02`.
"""

from __future__ import annotations

import io
import zipfile

from ..errors import DocumentError
from .html import Extracted


def extract(data: bytes, path: str) -> Extracted:
    try:
        import docx
    except ImportError:
        raise DocumentError(f"{path}: reading .docx files needs python-docx: pip install 'verifier[docx]'") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise DocumentError(f"{path}: not a readable .docx file ({exc.__class__.__name__})") from None
    blocks: list[str] = []
    for item in document.iter_inner_content():
        if isinstance(item, docx.table.Table):
            rows = ["\t".join(" ".join(cell.text.split()) for cell in row.cells) for row in item.rows]
            blocks.append("\n".join(r for r in rows if r.strip()))
        else:
            blocks.append(item.text.strip())
    text = "\n\n".join(b for b in blocks if b)
    props = document.core_properties
    return Extracted(text=text + "\n" if text else "", title=props.title or None, lang=props.language or None)
