"""The labelled real-article set (tests/articles/) is well formed: bench/articles.py
can find every labelled figure, and the split is the one the URL decides."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from verifier.read.documents import load

ARTICLES = Path(__file__).resolve().parent / "articles"
LANGS = ("fr", "en", "de", "es")
KEYS = {"article", "sentence", "text", "kind", "value", "unit", "period", "places", "metric", "modality", "covered", "expected", "reason"}


def _meta(path: Path) -> dict[str, str]:
    head = path.read_text(encoding="utf-8").split("---", 2)[1]
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in head.strip().splitlines())}


@pytest.mark.parametrize("lang", LANGS)
def test_articles_have_their_provenance_and_a_split_the_url_decides(lang):
    paths = sorted((ARTICLES / lang).glob("*.md"))
    assert len(paths) >= 15
    for path in paths:
        meta = _meta(path)
        assert {"title", "url", "publisher", "date", "lang", "retrieved", "topic", "split"} <= set(meta), path.name
        assert meta["lang"] == lang and meta["url"].startswith("http")
        heldout = int(hashlib.sha1(meta["url"].encode()).hexdigest(), 16) % 3 == 0
        assert meta["split"] == ("heldout" if heldout else "dev"), path.name
        document = load(path)
        assert document.lang == lang and document.published is not None and document.title


@pytest.mark.parametrize("lang", LANGS)
def test_every_label_points_at_its_figure(lang):
    texts = {f"{lang}/{p.stem}": load(p).text for p in (ARTICLES / lang).glob("*.md")}
    rows = [json.loads(line) for line in (ARTICLES / lang / "labels.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 100
    for row in rows:
        assert KEYS <= set(row), row
        assert row["expected"] in ("supported", "contradicted", "unverifiable")
        loose = lambda s: re.compile(r"\s+".join(map(re.escape, s.split())))  # noqa: E731
        sentence = loose(row["sentence"]).search(texts[row["article"]])
        assert sentence, f"{row['article']}: sentence not in the article: {row['sentence'][:80]}"
        assert loose(row["text"]).search(sentence.group()), f"{row['article']}: {row['text']!r} not in its sentence"
